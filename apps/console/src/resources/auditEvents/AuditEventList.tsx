import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { DataTable, DateInput, List, TextField, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../../components/fields';
import { useCodeLabel } from '../../components/useCodeLabel';
import { changeRows } from './diff';

const filters = [
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <TextInput key="action" source="action" />,
  <TextInput key="entityType" source="entityType" />,
  <TextInput key="entityId" source="entityId" />,
  <TextInput key="actorUserId" source="actorUserId" />,
  <TextInput key="venueId" source="venueId" />,
];

const ActionField = () => {
  const record = useRecordContext();
  const label = useCodeLabel('xp.audit.actions');
  return (
    <span title={record?.action}>
      {label(record?.action)}
    </span>
  );
};

const EntityField = () => {
  const record = useRecordContext();
  const label = useCodeLabel('xp.audit.entities');
  return <span>{label(record?.entityType)}</span>;
};

/** before → after as a table of fields; changed ones highlighted. */
export const AuditChanges = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const rows = changeRows(record.before, record.after);
  return (
    <Box sx={{ p: 1 }}>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
        {translate('resources.auditEvents.fields.entityId')}: {record.entityId ?? translate('xp.common.none')} · {translate('resources.auditEvents.fields.actorUserId')}: {record.actorUserId ?? translate('xp.common.none')} · {translate('resources.auditEvents.fields.requestId')}: {record.requestId ?? translate('xp.common.none')}
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="body2">{translate('xp.audit.no_details')}</Typography>
      ) : (
        <Table size="small" sx={{ '& td': { fontFamily: 'monospace', wordBreak: 'break-all', verticalAlign: 'top' } }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('xp.audit.field')}</TableCell>
              <TableCell>{translate('xp.audit.before')}</TableCell>
              <TableCell>{translate('xp.audit.after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.field} sx={row.changed ? { backgroundColor: 'action.hover' } : undefined}>
                <TableCell>{row.field}</TableCell>
                <TableCell sx={{ color: row.changed && row.before !== undefined ? 'error.main' : undefined }}>{row.before ?? '—'}</TableCell>
                <TableCell sx={{ color: row.changed && row.after !== undefined ? 'success.main' : undefined }}>{row.after ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export const AuditEventList = () => (
  <List filters={filters} sort={{ field: 'occurredAt', order: 'DESC' }} perPage={50}>
    <DataTable expand={<AuditChanges />} rowClick="expand" bulkActionButtons={false}>
      <DataTable.Col source="occurredAt">
        <DateTimeField source="occurredAt" withSeconds />
      </DataTable.Col>
      <DataTable.Col source="action">
        <ActionField />
      </DataTable.Col>
      <DataTable.Col source="entityType" disableSort>
        <EntityField />
      </DataTable.Col>
      <DataTable.Col source="entityId" disableSort>
        <TextField source="entityId" emptyText="—" sx={{ fontFamily: 'monospace', fontSize: 12 }} />
      </DataTable.Col>
    </DataTable>
  </List>
);
