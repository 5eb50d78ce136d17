import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import { Link as RouterLink } from 'react-router-dom';
import { Title, useTranslate } from 'react-admin';

/**
 * The place of label printing in the menu: print jobs (pick zone / shelf / stale labels →
 * preview → PDF or ZPL, the reprint queue) are being built in the labels area and land here.
 * Until then the page says so and leads to the templates; no fake jobs are shown.
 */
export const LabelPrintingPage = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 2 }}>
      <Title title="xp.menu.printLabels" />
      <Card variant="outlined" sx={{ borderStyle: 'dashed' }} data-testid="label-printing-later">
        <CardContent>
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
            <Typography variant="h6">{translate('xp.labels.print_title')}</Typography>
            <Chip size="small" icon={<HourglassEmptyIcon />} label={translate('xp.common.later')} />
          </Stack>
          <Alert severity="info" sx={{ mb: 2 }}>{translate('xp.labels.print_later')}</Alert>
          <Button component={RouterLink} to="/labelTemplates" variant="outlined">{translate('xp.labels.see_templates')}</Button>
        </CardContent>
      </Card>
    </Box>
  );
};
