import { Alert, Typography } from '@mui/material';
import { AutocompleteInput, Create, Edit, maxValue, minValue, NumberInput, ReferenceInput, required, SimpleForm, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { CategoryArrayInput } from '../../components/categories';
import { DocumentUploadInput } from '../../components/documents';

const bySearch = (search: string) => (search ? { search } : {});

const Terms = () => {
  const translate = useTranslate();
  return (
    <>
      <CategoryArrayInput source="categoryIds" isRequired />
      <NumberInput source="paymentTermDays" min={0} max={180} step={1} validate={[required(), minValue(0), maxValue(180)]} helperText="xp.onboarding.payment_term_hint" />
      <TextInput source="note" multiline minRows={3} fullWidth helperText="xp.onboarding.note_hint" />
      <Typography variant="caption" color="text.secondary" sx={{ mb: 1 }}>{translate('xp.onboarding.documents_hint')}</Typography>
    </>
  );
};

/** A factory applies to a venue from the directory: categories, the payment terms, its licence (uploaded here). */
export const VenueFactoryCreate = () => (
  <Create redirect="show" mutationMode="pessimistic" title="xp.onboarding.apply">
    <SimpleForm defaultValues={{ paymentTermDays: 30, documentIds: [] }}>
      <ReferenceInput source="venueId" reference="venues" filter={{ status: 'ACTIVE' }} sort={{ field: 'code', order: 'ASC' }} perPage={100}>
        <AutocompleteInput
          optionText={(v: { name: string; code: string; city: string; categoryFocus: string }) => `${v.name}（${v.city} · ${v.categoryFocus}）`}
          filterToQuery={bySearch}
          validate={required()}
          sx={{ minWidth: 400 }}
        />
      </ReferenceInput>
      <Terms />
      <DocumentUploadInput source="documentIds" kind="BUSINESS_LICENSE" label="resources.venueFactories.fields.licence" accept=".pdf,image/*" multiple required />
    </SimpleForm>
  </Create>
);

const EditDocuments = () => {
  const record = useRecordContext();
  if (!record) return null;
  const initial = (record.documents ?? []).map((d: { id: string; originalName: string | null; sizeBytes: number }) => ({ id: d.id, name: d.originalName ?? d.id.slice(0, 8), size: d.sizeBytes }));
  return <DocumentUploadInput source="documentIds" kind="BUSINESS_LICENSE" label="resources.venueFactories.fields.documents" accept=".pdf,image/*" multiple required initial={initial} />;
};

const EditNotice = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record || ['DRAFT', 'CHANGES_REQUESTED'].includes(record.status)) return null;
  return <Alert severity="info" sx={{ mb: 2 }}>{translate('xp.onboarding.not_editable')}</Alert>;
};

/** While DRAFT or sent back for changes, the factory changes its application (then resubmits it). */
export const VenueFactoryEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <EditNotice />
      <Terms />
      <EditDocuments />
    </SimpleForm>
  </Edit>
);
