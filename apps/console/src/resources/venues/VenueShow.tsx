import { Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { Grid } from '@mui/material';
import { DateTimeField, EnumField } from '../../components/fields';
import { LinkedName } from '../../components/LinkedName';

export const VenueShow = () => (
  <Show>
    <SimpleShowLayout>
      <Grid container spacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, md: 4 }}>
          <Labeled source="code"><TextField source="code" /></Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <Labeled source="name"><TextField source="name" /></Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Labeled source="city"><TextField source="city" /></Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Labeled source="categoryFocus"><TextField source="categoryFocus" /></Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Labeled source="status"><EnumField source="status" prefix="xp.enums.VenueStatus" chip /></Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Labeled source="region"><LinkedName source="region" reference="regions" /></Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Labeled source="operator"><LinkedName source="operator" reference="organizations" /></Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Labeled source="government"><LinkedName source="government" reference="organizations" /></Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Labeled source="createdAt"><DateTimeField source="createdAt" /></Labeled>
        </Grid>
      </Grid>
    </SimpleShowLayout>
  </Show>
);
