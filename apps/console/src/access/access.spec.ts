import { RESOURCES } from '../resources';
import { canAccess, menuResourcesFor, resourcesFor } from './access';
import { MembershipInfo, permissionsOf, portalOf } from './permissions';
import { OrganizationKind, Role, ROLE_KIND } from './roles';

function as(role: Role, orgId = `org-${role}`) {
  const kind: OrganizationKind = ROLE_KIND[role];
  const m: MembershipInfo = { id: `m-${role}`, role, organization: { id: orgId, kind, name: role }, region: null, venues: [] };
  return permissionsOf([m]);
}

const menu = (role: Role) => menuResourcesFor(RESOURCES, as(role)).map((r) => r.name);

describe('resources by role', () => {
  it('gives each role the menu of its work', () => {
    const venueDaily = ['venueFactories', 'brands', 'products', 'skus', 'priceSheets', 'slotRequests', 'slotAssignments', 'stockBalances', 'consignmentReceipts', 'stockMovements', 'stockCounts', 'labelTemplates'];
    const sales = ['salesOrders', 'salesReturns', 'buyers'];
    expect(menu('PLATFORM_ADMIN')).toEqual([...venueDaily.slice(0, 4), 'categories', ...venueDaily.slice(4), ...sales, 'settlements', 'venues', 'regions', 'organizations', 'users', 'auditEvents']);
    expect(menu('REGIONAL_MANAGER')).toEqual([...venueDaily, ...sales, 'settlements', 'venues', 'regions', 'organizations']);
    expect(menu('GOVERNMENT_VIEWER')).toEqual(['venues']);
    expect(menu('OPERATOR_ADMIN')).toEqual([...venueDaily, ...sales, 'settlements', 'venues', 'users', 'auditEvents']);
    expect(menu('PRICING_REVIEWER')).toEqual([...venueDaily, ...sales, 'venues']);
    expect(menu('SHOWROOM_STAFF')).toEqual(['venueFactories', 'products', 'skus', 'slotRequests', 'slotAssignments', 'stockBalances', 'consignmentReceipts', 'stockMovements', 'stockCounts', 'labelTemplates', ...sales, 'venues']);
    expect(menu('FACTORY_ADMIN')).toEqual(['venueFactories', 'brands', 'products', 'skus', 'priceSheets', 'slots', 'slotRequests', 'slotAssignments', 'stockBalances', 'consignmentReceipts', 'stockMovements', 'factoryOrderLines', 'settlements', 'users']);
    expect(menu('FACTORY_STAFF')).toEqual(['venueFactories', 'brands', 'products', 'skus', 'priceSheets', 'slots', 'slotRequests', 'slotAssignments', 'stockBalances', 'consignmentReceipts', 'stockMovements', 'factoryOrderLines', 'settlements']);
  });

  it('gives each workflow step to the roles the API lets take it', () => {
    const may = (role: Role, resource: string, action: string) => canAccess(RESOURCES, as(role), resource, action);
    expect(may('OPERATOR_BD', 'venueFactories', 'review')).toBe(true);
    expect(may('PRICING_REVIEWER', 'venueFactories', 'review')).toBe(false);
    expect(may('FACTORY_ADMIN', 'venueFactories', 'submit')).toBe(true);
    expect(may('FACTORY_STAFF', 'venueFactories', 'create')).toBe(false);
    expect(may('PRICING_REVIEWER', 'priceSheets', 'review')).toBe(true);
    expect(may('OPERATOR_ADMIN', 'priceSheets', 'review')).toBe(false);
    expect(may('SHOWROOM_STAFF', 'slotAssignments', 'assign')).toBe(true);
    expect(may('WAREHOUSE_STAFF', 'slotAssignments', 'assign')).toBe(false);
    expect(may('WAREHOUSE_STAFF', 'consignmentReceipts', 'receive')).toBe(true);
    expect(may('SHOWROOM_STAFF', 'consignmentReceipts', 'receive')).toBe(false);
    expect(may('FACTORY_ADMIN', 'consignmentReceipts', 'create')).toBe(true);
    expect(may('WAREHOUSE_STAFF', 'stockCounts', 'approve')).toBe(true);
    expect(may('SHOWROOM_STAFF', 'stockBalances', 'transfer')).toBe(true);
    expect(may('FACTORY_ADMIN', 'stockBalances', 'transfer')).toBe(false);
    expect(may('SHOWROOM_STAFF', 'salesOrders', 'create')).toBe(true);
    expect(may('WAREHOUSE_STAFF', 'salesOrders', 'create')).toBe(false);
    expect(may('WAREHOUSE_STAFF', 'salesOrders', 'ship')).toBe(true);
    expect(may('SHOWROOM_STAFF', 'salesOrders', 'ship')).toBe(false);
    expect(may('OPERATOR_ADMIN', 'salesOrders', 'pay')).toBe(true);
    expect(may('WAREHOUSE_STAFF', 'salesReturns', 'receive')).toBe(true);
    expect(may('SHOWROOM_STAFF', 'salesReturns', 'receive')).toBe(false);
    expect(may('OPERATOR_ADMIN', 'settlements', 'issue')).toBe(true);
    expect(may('FACTORY_ADMIN', 'settlements', 'issue')).toBe(false);
    expect(may('FACTORY_ADMIN', 'settlements', 'confirm')).toBe(true);
    expect(may('FACTORY_STAFF', 'settlements', 'confirm')).toBe(false);
    expect(may('OPERATOR_ADMIN', 'settlements', 'confirm')).toBe(false);
  });

  it("keeps the operator's screens away from factories", () => {
    for (const role of ['FACTORY_ADMIN', 'FACTORY_STAFF'] as Role[]) {
      const reachable = resourcesFor(RESOURCES, as(role)).map((r) => r.name);
      expect(reachable).not.toContain('venues');
      expect(reachable).not.toContain('auditEvents');
      expect(reachable).not.toContain('regions');
      expect(reachable).not.toContain('stockCounts');
      expect(reachable).not.toContain('labelTemplates');
      expect(reachable).not.toContain('categories');
      expect(reachable).not.toContain('salesOrders');
      expect(reachable).not.toContain('buyers');
      expect(canAccess(RESOURCES, as(role), 'organizations', 'list')).toBe(false);
      expect(canAccess(RESOURCES, as(role), 'organizations', 'show')).toBe(true);
    }
  });

  it('lets only the platform admin create venues, regions and organizations', () => {
    for (const resource of ['venues', 'regions', 'organizations']) {
      expect(canAccess(RESOURCES, as('PLATFORM_ADMIN'), resource, 'create')).toBe(true);
      expect(canAccess(RESOURCES, as('REGIONAL_MANAGER'), resource, 'create')).toBe(false);
      expect(canAccess(RESOURCES, as('OPERATOR_ADMIN'), resource, 'create')).toBe(false);
    }
  });

  it('refuses unknown resources and actions, and a user without memberships everything', () => {
    expect(canAccess(RESOURCES, as('PLATFORM_ADMIN'), 'nothing', 'list')).toBe(false);
    expect(canAccess(RESOURCES, as('PLATFORM_ADMIN'), 'venues', 'delete')).toBe(false);
    expect(resourcesFor(RESOURCES, permissionsOf([]))).toEqual([]);
    expect(canAccess(RESOURCES, undefined, 'venues', 'list')).toBe(false);
  });

  it('picks one home per user', () => {
    expect(portalOf(as('PLATFORM_ADMIN'))).toBe('platform');
    expect(portalOf(as('REGIONAL_MANAGER'))).toBe('regional');
    expect(portalOf(as('GOVERNMENT_VIEWER'))).toBe('government');
    expect(portalOf(as('PRICING_REVIEWER'))).toBe('operator');
    expect(portalOf(as('FACTORY_STAFF'))).toBe('factory');
    expect(portalOf(permissionsOf([]))).toBe('none');
  });

  it('registers each resource once, with documents for the views it has', () => {
    const names = RESOURCES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of RESOURCES) {
      if (r.list) expect(r.queries.list).toContain('result:');
      if (r.show) expect(r.queries.one).toContain('result:');
      if (r.create) expect(r.queries.create).toContain('result:');
    }
  });
});
