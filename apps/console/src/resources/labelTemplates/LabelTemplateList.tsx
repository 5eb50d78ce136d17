import { Chip, Stack } from '@mui/material';
import { BooleanInput, DataTable, List, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../../components/fields';

const Size = (_: { label?: string }) => {
  const record = useRecordContext();
  if (!record) return null;
  return <span>{record.widthMm} × {record.heightMm} mm</span>;
};

const Fields = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {(record?.fields ?? []).map((f: string) => (
        <Chip key={f} size="small" variant="outlined" label={translate(`xp.enums.LabelField.${f}`)} />
      ))}
    </Stack>
  );
};

const Scope = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <span>{translate(record?.venueId ? 'xp.labels.venue_own' : 'xp.labels.global')}</span>;
};

const Sheet = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{record.layout === 'SHEET' && record.sheet ? translate('xp.labels.per_sheet', { columns: record.sheet.columns, rows: record.sheet.rows }) : translate('xp.labels.per_roll')}</span>;
};

/** Label sizes and layouts (the global ones and the venue's own); the preview comes with print jobs. */
export const LabelTemplateList = () => (
  <List
    filters={[<SelectInput key="layout" source="layout" choices={['ROLL', 'SHEET'].map((l) => ({ id: l, name: `xp.enums.LabelLayout.${l}` }))} alwaysOn />, <BooleanInput key="includeInactive" source="includeInactive" />]}
    sort={{ field: 'sortOrder', order: 'ASC' }}
    exporter={false}
  >
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.Col source="widthMm">
        <Size />
      </DataTable.Col>
      <DataTable.Col source="layout" disableSort>
        <EnumField source="layout" prefix="xp.enums.LabelLayout" />
      </DataTable.Col>
      <DataTable.Col source="labelsPerPage" disableSort>
        <Sheet />
      </DataTable.Col>
      <DataTable.Col source="fields" disableSort>
        <Fields />
      </DataTable.Col>
      <DataTable.Col source="barcode" disableSort>
        <EnumField source="barcode" prefix="xp.enums.SkuBarcode" />
      </DataTable.Col>
      <DataTable.Col source="zplDpi" disableSort />
      <DataTable.Col source="venueId" disableSort>
        <Scope />
      </DataTable.Col>
    </DataTable>
  </List>
);
