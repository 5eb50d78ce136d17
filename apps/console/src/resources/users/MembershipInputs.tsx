import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { ReferenceArrayInput, AutocompleteArrayInput, SelectInput, useGetOne, usePermissions, useSourceContext } from 'react-admin';
import { managedOrganizationIds, Permissions } from '../../access/permissions';
import { OrganizationKind, rolesOfKind } from '../../access/roles';
import { OrganizationInput, RegionInput, requiredChoice } from '../../components/inputs';

/** Explicit keys: inside an ArrayInput react-admin would look under fields.memberships.<source>. */
const LABEL = {
  organizationId: 'resources.users.fields.organizationId',
  role: 'resources.users.fields.role',
  regionId: 'resources.users.fields.regionId',
  venueIds: 'resources.users.fields.venueIds',
};

/** The kind of the organization picked in this membership (from the user's own memberships or the API). */
function useOrganizationKind(organizationId: string | undefined, permissions: Permissions | undefined): OrganizationKind | undefined {
  const own = permissions?.memberships.find((m) => m.organization.id === organizationId)?.organization.kind;
  const { data } = useGetOne('organizations', { id: organizationId ?? '' }, { enabled: !!organizationId && !own });
  return own ?? (data?.kind as OrganizationKind | undefined);
}

/**
 * One membership: organization (a platform admin picks any; an operator or factory admin its
 * own), a role of that organization's kind, the region for a regional manager, and optionally
 * the venues it is limited to. Works at the top of a form and inside an ArrayInput.
 */
export const MembershipInputs = () => {
  const { permissions } = usePermissions<Permissions>();
  const source = useSourceContext();
  const organizationId = useWatch({ name: source.getSource('organizationId') }) as string | undefined;
  const role = useWatch({ name: source.getSource('role') }) as string | undefined;
  const kind = useOrganizationKind(organizationId, permissions);
  const managed = permissions ? managedOrganizationIds(permissions) : [];
  const ownChoices =
    managed === 'ALL'
      ? []
      : (permissions?.memberships ?? [])
          .filter((m) => managed.includes(m.organization.id))
          .map((m) => ({ id: m.organization.id, name: m.organization.name }))
          .filter((c, i, all) => all.findIndex((o) => o.id === c.id) === i);
  // An operator or factory admin manages one organization: pick it for them once it is known.
  const { setValue } = useFormContext();
  const only = ownChoices.length === 1 ? ownChoices[0].id : undefined;
  useEffect(() => {
    if (only && !organizationId) setValue(source.getSource('organizationId'), only, { shouldDirty: true });
  }, [only, organizationId, setValue, source]);
  return (
    <>
      {managed === 'ALL' ? (
        <OrganizationInput source="organizationId" label={LABEL.organizationId} required />
      ) : (
        <SelectInput source="organizationId" label={LABEL.organizationId} choices={ownChoices} validate={requiredChoice} translateChoice={false} />
      )}
      <SelectInput source="role" label={LABEL.role} choices={(kind ? rolesOfKind(kind) : []).map((r) => ({ id: r, name: `xp.roles.${r}` }))} validate={requiredChoice} disabled={!kind} />
      {role === 'REGIONAL_MANAGER' && <RegionInput source="regionId" label={LABEL.regionId} required />}
      {(kind === 'OPERATOR' || kind === 'GOVERNMENT') && (
        <ReferenceArrayInput source="venueIds" reference="venues" filter={kind === 'OPERATOR' ? { operatorOrgId: organizationId } : {}} perPage={100}>
          <AutocompleteArrayInput label={LABEL.venueIds} optionText="name" filterToQuery={(search: string) => (search ? { search } : {})} helperText="xp.users.all_venues" sx={{ minWidth: 320 }} />
        </ReferenceArrayInput>
      )}
    </>
  );
};
