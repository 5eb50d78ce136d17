import { useEffect, useMemo } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { AutocompleteInput, ReferenceInput, useGetList, usePermissions, useStore, useTranslate } from 'react-admin';
import { hasAnyRole, Permissions } from '../access/permissions';
import { FACTORY_ROLES } from '../access/roles';

export interface VenueChoice {
  id: string;
  code: string;
  name: string;
}

/**
 * The venues this user works in: venue staff those they reach; a factory those it is admitted
 * to (APPROVED), never the whole directory (that is for applying).
 */
export function useWorkVenues(): { venues: VenueChoice[]; isPending: boolean } {
  const { permissions } = usePermissions<Permissions>();
  const factory = hasAnyRole(permissions, FACTORY_ROLES) && !hasAnyRole(permissions, ['PLATFORM_ADMIN']);
  const staff = useGetList('venues', { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } }, { enabled: !!permissions && !factory });
  const admitted = useGetList('venueFactories', { pagination: { page: 1, perPage: 100 }, filter: { status: ['APPROVED'] } }, { enabled: !!permissions && factory });
  const venues = useMemo<VenueChoice[]>(() => {
    if (factory) {
      const seen = new Map<string, VenueChoice>();
      for (const vf of admitted.data ?? []) if (vf.venue) seen.set(vf.venue.id, { id: vf.venue.id, code: vf.venue.code, name: vf.venue.name });
      return [...seen.values()].sort((a, b) => a.code.localeCompare(b.code));
    }
    return (staff.data ?? []).map((v) => ({ id: v.id, code: v.code, name: v.name }));
  }, [factory, admitted.data, staff.data]);
  return { venues, isPending: !permissions || (factory ? admitted.isPending : staff.isPending) };
}

/** The venue a page works on (kept between visits), defaulting to the user's first venue. */
export function useCurrentVenue() {
  const { venues, isPending } = useWorkVenues();
  const [stored, setVenueId] = useStore<string | undefined>('xp.currentVenueId');
  const venueId = venues.some((v) => v.id === stored) ? stored : venues[0]?.id;
  useEffect(() => {
    if (!isPending && venueId && venueId !== stored) setVenueId(venueId);
  }, [isPending, venueId, stored, setVenueId]);
  return { venueId, venue: venues.find((v) => v.id === venueId), venues, setVenueId, isPending };
}

/** Picks the page's venue among the user's venues. */
export const VenueSelect = ({ value, venues, onChange }: { value: string | undefined; venues: VenueChoice[]; onChange: (id: string) => void }) => {
  const translate = useTranslate();
  return (
    <TextField
      select
      fullWidth={false}
      size="small"
      label={translate('xp.venue.pick')}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: 260 }}
      data-testid="venue-select"
    >
      {venues.map((v) => (
        <MenuItem key={v.id} value={v.id}>
          {v.name}（{v.code}）
        </MenuItem>
      ))}
    </TextField>
  );
};

const bySearch = (search: string) => (search ? { search } : {});

/** A venue filter or input: the venues the user may see, by code, name or city. */
export const VenueInput = ({ source = 'venueId', label, required, alwaysOn: _alwaysOn }: { source?: string; label?: string; required?: boolean; alwaysOn?: boolean }) => (
  <ReferenceInput source={source} reference="venues" sort={{ field: 'code', order: 'ASC' }} perPage={100}>
    <AutocompleteInput
      label={label}
      optionText={(v: VenueChoice) => `${v.name}（${v.code}）`}
      filterToQuery={bySearch}
      isRequired={required}
      validate={required ? (v: unknown) => (v ? undefined : 'ra.validation.required') : undefined}
      sx={{ minWidth: 280 }}
    />
  </ReferenceInput>
);
