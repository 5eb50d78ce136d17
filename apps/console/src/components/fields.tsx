import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { MembershipInfo } from '../access/permissions';
import { formatDateTime } from '../format/dates';
import { formatMoney } from '../format/money';

interface SourceProps {
  source: string;
  /** Read by react-admin's layouts and data tables for the column / row label. */
  label?: string;
  sortable?: boolean;
}

function valueOf(record: Record<string, unknown> | undefined, source: string): unknown {
  return source.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), record);
}

/** A Money decimal string as ¥1,234.50 (formatted as text, never through a float). */
export const MoneyField = ({ source }: SourceProps) => {
  const record = useRecordContext();
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(valueOf(record, source) as string)}</span>;
};

/** An instant in Shanghai time, `YYYY-MM-DD HH:mm`. */
export const DateTimeField = ({ source, withSeconds }: SourceProps & { withSeconds?: boolean }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = valueOf(record, source) as string | null | undefined;
  return <span>{value ? formatDateTime(value, withSeconds) : translate('xp.common.none')}</span>;
};

/** An enum value by its i18n key: `<prefix>.<value>` (e.g. xp.enums.VenueStatus.ACTIVE). */
export const EnumField = ({ source, prefix, chip }: SourceProps & { prefix: string; chip?: boolean }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = valueOf(record, source);
  if (value === undefined || value === null || value === '') return <span>{translate('xp.common.none')}</span>;
  const text = translate(`${prefix}.${String(value)}`, { _: String(value) });
  return chip ? <Chip size="small" label={text} /> : <span>{text}</span>;
};

/** A user's state: green when active, grey when deactivated. */
export const ActiveField = ({ source = 'active' }: Partial<SourceProps>) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const active = !!valueOf(record, source);
  return <Chip size="small" color={active ? 'success' : 'default'} variant={active ? 'filled' : 'outlined'} label={translate(`xp.enums.active.${active}`)} />;
};

/** Roles as chips: 运营主管 · 郑州空港链主… */
export const MembershipsField = ({ source = 'memberships' }: Partial<SourceProps>) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const memberships = (valueOf(record, source) as MembershipInfo[] | undefined) ?? [];
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {memberships.map((m) => (
        <Chip key={m.id} size="small" variant="outlined" label={`${translate(`xp.roles.${m.role}`)} · ${m.organization.name}`} />
      ))}
    </Stack>
  );
};

/** A nested object's name (venue.region.name), or — when missing. */
export const NameOf = ({ source, field = 'name' }: SourceProps & { field?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = valueOf(record, `${source}.${field}`);
  return <span>{value ? String(value) : translate('xp.common.none')}</span>;
};
