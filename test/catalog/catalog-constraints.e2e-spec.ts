import { Given } from '../support/given';
import { TestApp } from '../support/test-app';

/** The catalog's invariants that PostgreSQL holds whatever the code does. */
describe('catalog constraints in the database', () => {
  let t: TestApp;
  let given: Given;
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
  });
  afterAll(() => t.close());

  it('seeds the category tree with the demo venues focus categories', async () => {
    const rows: { code: string; parent: string | null }[] = await t.dataSource.query(
      'SELECT c.code, p.code AS parent FROM categories c LEFT JOIN categories p ON p.id = c.parent_id',
    );
    expect(rows).toContainEqual({ code: 'APPAREL', parent: null });
    expect(rows).toContainEqual({ code: 'APPAREL-SCARF', parent: 'APPAREL' });
    expect(rows).toContainEqual({ code: 'HARDWARE-HAND', parent: 'HARDWARE' });
    expect(rows).toContainEqual({ code: 'LUGGAGE-TROLLEY', parent: 'LUGGAGE' });
  });

  it('accepts a GTIN-13 with a right check digit and refuses a wrong one', async () => {
    const { org } = await given.factory();
    await expect(given.sku(org.id, { gtin: '6901234567892' })).resolves.toBeDefined();
    await expect(given.sku(org.id, { gtin: '6901234567893' })).rejects.toThrow(/skus_gtin_check/);
  });

  it('keeps SKU codes unique within a factory but not across factories', async () => {
    const a = await given.factory();
    const b = await given.factory();
    await given.sku(a.org.id, { code: 'SCARF-01' });
    await expect(given.sku(b.org.id, { code: 'SCARF-01' })).resolves.toBeDefined();
    await expect(given.sku(a.org.id, { code: 'SCARF-01' })).rejects.toThrow(/skus_factory_code_key/);
  });

  it('requires the MOQ to be a whole number of packs, both at least one', async () => {
    const { org } = await given.factory();
    await expect(given.sku(org.id, { moq: 12, packSize: 6 })).resolves.toBeDefined();
    await expect(given.sku(org.id, { moq: 10, packSize: 6 })).rejects.toThrow(/skus_moq_packs_check/);
    await expect(given.sku(org.id, { moq: 0 })).rejects.toThrow(/check/);
  });

  it("refuses a product under another factory's brand or a SKU under another factory's product", async () => {
    const a = await given.factory();
    const b = await given.factory();
    const brandOfB = await given.brand(b.org.id);
    await expect(given.product(a.org.id, { brandId: brandOfB.id })).rejects.toThrow(/foreign key/);
    const productOfB = await given.product(b.org.id);
    await expect(given.sku(a.org.id, { productId: productOfB.id })).rejects.toThrow(/foreign key/);
  });

  it('admits a factory to a venue once, and only a factory', async () => {
    const { org } = await given.factory();
    await given.admission(t.demo.venues.zz, org.id);
    await expect(given.admission(t.demo.venues.zz, org.id)).rejects.toThrow(/venue_factories_venue_factory_key/);
    await expect(given.admission(t.demo.venues.zz, t.demo.orgs.operatorA)).rejects.toThrow(/foreign key/);
  });
});
