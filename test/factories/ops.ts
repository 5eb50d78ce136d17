import { DocumentKind } from '@xp/factories';
import { Caller, TestApp } from '../support/test-app';

/** GraphQL documents of the onboarding and catalog areas, shared by the tests. */
export const VF_FIELDS = `id venueId factoryOrgId status paymentTermDays note version submittedAt decidedAt admittedAt suspendedAt
  categoryIds events { action fromStatus toStatus reason occurredAt }`;

export const REGISTER = `mutation($input: RegisterFactoryInput!) { registerFactory(input: $input) { organization { id kind name creditCode } user { id email } } }`;
export const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;
export const APPLY = `mutation($input: ApplyToVenueInput!) { applyToVenue(input: $input) { ${VF_FIELDS} } }`;
export const UPDATE_VF = `mutation($input: UpdateVenueFactoryInput!) { updateVenueFactory(input: $input) { ${VF_FIELDS} } }`;
export const SUBMIT = `mutation($input: SubmitVenueFactoryInput!) { submitVenueFactory(input: $input) { ${VF_FIELDS} } }`;
export const REVIEW = `mutation($input: ReviewVenueFactoryInput!) { reviewVenueFactory(input: $input) { ${VF_FIELDS} } }`;
export const SUSPEND = `mutation($input: SuspendVenueFactoryInput!) { suspendVenueFactory(input: $input) { ${VF_FIELDS} } }`;
export const REINSTATE = `mutation($input: ReinstateVenueFactoryInput!) { reinstateVenueFactory(input: $input) { ${VF_FIELDS} } }`;
export const VENUE_FACTORY = `query($id: ID!) { venueFactory(id: $id) { ${VF_FIELDS} documents { id kind } categories { code } venue { code } factory { name } } }`;
export const VENUE_FACTORIES = `query($filter: VenueFactoryFilter, $sort: SortInput, $perPage: Int) {
  venueFactories(filter: $filter, sort: $sort, perPage: $perPage) { total items { id status factoryOrgId venueId submittedAt factory { name } } } }`;

export const DECLARE_BRAND = `mutation($input: DeclareBrandInput!) { declareBrand(input: $input) { id name trademarkRegNo status factoryOrgId certificateDocumentId } }`;
export const REVIEW_BRAND = `mutation($input: ReviewBrandInput!) { reviewBrand(input: $input) { id status reviewReason reviewerOrgId reviewedAt } }`;
export const BRANDS = `query($filter: BrandFilter) { brands(filter: $filter, perPage: 200) { total items { id name status factoryOrgId factory { name } certificate { id kind } } } }`;
export const BRAND = `query($id: ID!) { brand(id: $id) { id name status } }`;

export const DOCUMENTS = `query($filter: DocumentFilter) { documents(filter: $filter, perPage: 200) { total items { id kind mimeType sizeBytes sha256 ownerOrgId originalName } } }`;
export const DOCUMENT = `query($id: ID!) { document(id: $id) { id kind mimeType } }`;

export const CATEGORIES = `query($filter: CategoryFilter) { categories(filter: $filter, perPage: 200) { total items { id code nameZh parent { code } children { code } } } }`;
export const CREATE_CATEGORY = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id code parent { code } } }`;
export const PRODUCT_FIELDS = `id factoryOrgId titleZh titleEn status categoryId brandId imageDocumentIds category { code } brand { name } skus { code }`;
export const CREATE_PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) { ${PRODUCT_FIELDS} } }`;
export const UPDATE_PRODUCT = `mutation($input: UpdateProductInput!) { updateProduct(input: $input) { ${PRODUCT_FIELDS} } }`;
export const PRODUCTS = `query($filter: ProductFilter, $perPage: Int) { products(filter: $filter, perPage: $perPage) { total items { id titleZh factoryOrgId } } }`;
export const PRODUCT = `query($id: ID!) { product(id: $id) { ${PRODUCT_FIELDS} } }`;
export const SKU_FIELDS = `id code gtin attributes unit packSize moq weightGrams status productId factoryOrgId product { titleZh }`;
export const CREATE_SKU = `mutation($input: CreateSkuInput!) { createSku(input: $input) { ${SKU_FIELDS} } }`;
export const UPDATE_SKU = `mutation($input: UpdateSkuInput!) { updateSku(input: $input) { ${SKU_FIELDS} } }`;
export const SKUS = `query($filter: SkuFilter, $perPage: Int, $page: Int) { skus(filter: $filter, perPage: $perPage, page: $page) { total items { id code factoryOrgId } } }`;
export const SKU = `query($id: ID!) { sku(id: $id) { ${SKU_FIELDS} } }`;
export const IMPORT = `mutation($input: ImportCatalogInput!) { importCatalog(input: $input) {
  ok format rowCount productsCreated skusCreated problemCount ignoredHeaders problems { row column header cell value message } } }`;

/** Uploads a file over HTTP as `caller`; answers the HTTP status and body. */
export async function upload(
  t: TestApp,
  caller: Caller,
  kind: DocumentKind | string,
  content: Buffer,
  filename = 'file.bin',
  contentType = 'application/octet-stream',
): Promise<{ status: number; body: any }> {
  const token = await t.tokenFor(caller);
  const req = t.http().post('/api/documents');
  if (token) req.set('authorization', `Bearer ${token}`);
  const res = await req.field('kind', kind).attach('file', content, { filename, contentType });
  return { status: res.status, body: res.body };
}

/** Uploads a document that must be accepted; answers its id. */
export async function uploaded(t: TestApp, caller: Caller, kind: DocumentKind, content: Buffer, filename = 'file.bin'): Promise<string> {
  const res = await upload(t, caller, kind, content, filename);
  if (res.status !== 201) throw new Error(`Upload refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Downloads a document as `caller`. */
export async function download(t: TestApp, caller: Caller, id: string) {
  const token = await t.tokenFor(caller);
  const req = t.http().get(`/api/documents/${id}`).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
  if (token) req.set('authorization', `Bearer ${token}`);
  return req;
}

/** Category ids by code. */
export async function categoryIds(t: TestApp): Promise<Record<string, string>> {
  const rows: { id: string; code: string }[] = await t.dataSource.query('SELECT id, code FROM categories');
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}
