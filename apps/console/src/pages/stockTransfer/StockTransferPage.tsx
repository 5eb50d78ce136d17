import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { ArrayInput, Form, ResourceContextProvider, NumberInput, SaveButton, SelectInput, SimpleFormIterator, TextInput, Title, minValue, required, usePermissions, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { SkuInput } from '../../components/stockFields';
import { useRunAction } from '../../components/useRunAction';
import { useCurrentVenue } from '../../components/venue';
import { locationChoices } from '../../resources/stockBalances/queries';

const fieldErrors = (e: unknown) => (e as { body?: { errors?: Record<string, unknown> } }).body?.errors;

const Lines = () => {
  const venueId = useWatch({ name: 'venueId' }) as string | undefined;
  return (
    <ArrayInput source="lines" validate={required()}>
      <SimpleFormIterator inline disableReordering>
        <SkuInput source="skuId" filter={{ venueId }} label="resources.stockBalances.fields.sku" required />
        <NumberInput source="quantity" label="resources.stockMovements.fields.quantity" min={1} step={1} validate={[required(), minValue(1)]} />
      </SimpleFormIterator>
    </ArrayInput>
  );
};

/**
 * Moves goods between two locations of a venue (samples to the showroom and back; the warehouse
 * also to DAMAGED). The key is made once for the form and sent again on a retry.
 */
export const StockTransferPage = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const { venueId, venues } = useCurrentVenue();
  const transfer = useRunAction('stockBalances', 'transfer', { successMessage: 'xp.stock.transferred', idempotent: true });
  const samplesOnly = !hasAnyRole(permissions, ['OPERATOR_ADMIN', 'WAREHOUSE_STAFF']);
  const submit = async (v: Record<string, any>) => {
    try {
      await transfer.run({
        venueId: v.venueId,
        from: v.from,
        to: v.to,
        note: v.note || undefined,
        lines: (v.lines ?? []).map((l: { skuId: string; quantity: unknown }) => ({ skuId: l.skuId, quantity: Number(l.quantity) })),
      });
      return undefined;
    } catch (e) {
      return fieldErrors(e);
    }
  };
  if (!venueId) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Title title="xp.menu.transfer" />
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6">{translate('xp.stock.transfer_title')}</Typography>
          {samplesOnly && <Alert severity="info" sx={{ my: 1 }}>{translate('xp.stock.samples_only')}</Alert>}
          <ResourceContextProvider value="stockMovements">
          <Form onSubmit={submit} resource="stockMovements" defaultValues={{ venueId, from: 'WAREHOUSE', to: 'SHOWROOM', lines: [{}] }}>
            <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap">
              <SelectInput source="venueId" choices={venues.map((v) => ({ id: v.id, name: `${v.name}（${v.code}）` }))} translateChoice={false} validate={required()} />
              <SelectInput source="from" choices={locationChoices} validate={required()} />
              <SelectInput source="to" choices={locationChoices} validate={required()} />
            </Stack>
            <Lines />
            <TextInput source="note" fullWidth />
            <SaveButton label="xp.stock.transfer" alwaysEnable />
          </Form>
          </ResourceContextProvider>
        </CardContent>
      </Card>
    </Box>
  );
};
