import { useWatch } from 'react-hook-form';
import { ReferenceArrayInput, AutocompleteArrayInput, SelectInput, useGetOne, usePermissions, useSourceContext } from 'react-admin';
import { managedOrganizationIds, Permissions } from '../../access/permissions';
import { OrganizationKind, rolesOfKind } from '../../access/roles';
import { OrganizationInput, RegionInput, requiredChoice } from '../../components/inputs';

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
  return (
    <>
      {managed === 'ALL' ? (
        <OrganizationInput source="organizationId" required />
      ) : (
        <SelectInput source="organizationId" choices={ownChoices} validate={requiredChoice} translateChoice={false} defaultValue={ownChoices.length === 1 ? ownChoices[0].id : undefined} />
      )}
      <SelectInput source="role" choices={(kind ? rolesOfKind(kind) : []).map((r) => ({ id: r, name: `xp.roles.${r}` }))} validate={requiredChoice} disabled={!kind} />
      {role === 'REGIONAL_MANAGER' && <RegionInput source="regionId" required />}
      {(kind === 'OPERATOR' || kind === 'GOVERNMENT') && (
        <ReferenceArrayInput source="venueIds" reference="venues" filter={kind === 'OPERATOR' ? { operatorOrgId: organizationId } : {}} perPage={100}>
          <AutocompleteArrayInput optionText="name" filterToQuery={(search: string) => (search ? { search } : {})} helperText="xp.users.all_venues" sx={{ minWidth: 320 }} />
        </ReferenceArrayInput>
      )}
    </>
  );
};
