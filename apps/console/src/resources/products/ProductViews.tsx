import { Box, Button, Chip, Divider, Grid, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link as RouterLink } from 'react-router-dom';
import {
  AutocompleteInput,
  Create,
  CreateButton,
  DataTable,
  Edit,
  EditButton,
  Labeled,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  required,
  useCanAccess,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { FACTORY_ROLES } from '../../access/roles';
import { CategoryInput } from '../../components/categories';
import { DocumentImage, DocumentUploadInput } from '../../components/documents';
import { DateTimeField, EnumField } from '../../components/fields';
import { VenueInput } from '../../components/venue';
import { AttributesField, BrandFilterInput } from '../skus/SkuViews';

const statusChoices = ['ACTIVE', 'ARCHIVED'].map((s) => ({ id: s, name: `xp.enums.ProductStatus.${s}` }));

const Name = ({ path }: { path: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = path.split('.').reduce<any>((v, k) => v?.[k], record);
  return <span>{value ?? translate('xp.common.none')}</span>;
};

const SkuCount = (_: { label?: string }) => {
  const record = useRecordContext();
  return <span>{record?.skus?.length ?? 0}</span>;
};

const ListActions = () => {
  const { canAccess } = useCanAccess({ resource: 'products', action: 'create' });
  const translate = useTranslate();
  return (
    <TopToolbar>
      {canAccess && <CreateButton />}
      {canAccess && (
        <Button component={RouterLink} to="/catalog-import" size="small" startIcon={<UploadFileIcon />}>
          {translate('xp.menu.catalogImport')}
        </Button>
      )}
    </TopToolbar>
  );
};

/** Products with Chinese search (a substring of the title), category (with its subcategories), brand and status. */
export const ProductList = () => {
  const { permissions } = usePermissions<Permissions>();
  const factory = hasAnyRole(permissions, FACTORY_ROLES);
  const filters = [
    <SearchInput key="search" source="search" alwaysOn />,
    <CategoryInput key="categoryId" source="categoryId" alwaysOn />,
    <BrandFilterInput key="brandId" source="brandId" alwaysOn />,
    <SelectInput key="status" source="status" choices={statusChoices} />,
    ...(factory ? [] : [<VenueInput key="venueId" source="venueId" />]),
  ];
  return (
    <List filters={filters} sort={{ field: 'updatedAt', order: 'DESC' }} actions={<ListActions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="titleZh" />
        <DataTable.Col source="category" disableSort>
          <Name path="category.nameZh" />
        </DataTable.Col>
        <DataTable.Col source="brand" disableSort>
          <Name path="brand.name" />
        </DataTable.Col>
        {!factory && (
          <DataTable.Col source="factory" disableSort>
            <Name path="factory.name" />
          </DataTable.Col>
        )}
        <DataTable.Col source="skus" disableSort>
          <SkuCount />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <EnumField source="status" prefix="xp.enums.ProductStatus" chip />
        </DataTable.Col>
        <DataTable.Col source="updatedAt">
          <DateTimeField source="updatedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

const EditSku = (_: { label?: string | false }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'skus', action: 'edit' });
  if (!record || !canAccess) return null;
  return (
    <Button size="small" component={RouterLink} to={`/skus/${record.id}`} startIcon={<EditIcon />}>
      {translate('ra.action.edit')}
    </Button>
  );
};

const Skus = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'skus', action: 'create' });
  if (!record) return null;
  return (
    <Box sx={{ mt: 3 }}>
      <Stack direction="row" alignItems="center" justifyContent="space-between">
        <Typography variant="h6">{translate('xp.catalog.skus_of_product', { count: record.skus?.length ?? 0 })}</Typography>
        {canAccess && (
          <Button variant="outlined" size="small" startIcon={<AddIcon />} component={RouterLink} to={`/skus/create?source=${encodeURIComponent(JSON.stringify({ productId: record.id }))}`}>
            {translate('xp.catalog.add_sku')}
          </Button>
        )}
      </Stack>
      <Divider sx={{ my: 1 }} />
      <DataTable data={record.skus ?? []} total={record.skus?.length ?? 0} resource="skus" bulkActionButtons={false} rowClick={false} sort={{ field: 'code', order: 'ASC' }}>
        <DataTable.Col source="code" disableSort />
        <DataTable.Col source="attributes" disableSort>
          <AttributesField />
        </DataTable.Col>
        <DataTable.Col source="gtin" disableSort />
        <DataTable.Col source="unit" disableSort />
        <DataTable.Col source="packSize" disableSort />
        <DataTable.Col source="moq" disableSort />
        <DataTable.Col source="weightGrams" disableSort />
        <DataTable.Col source="status" disableSort>
          <EnumField source="status" prefix="xp.enums.SkuStatus" chip />
        </DataTable.Col>
        <DataTable.Col label={false} disableSort>
          <EditSku />
        </DataTable.Col>
      </DataTable>
    </Box>
  );
};

const Images = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const ids = (record?.imageDocumentIds ?? []) as string[];
  if (ids.length === 0) return <span>{translate('xp.documents.none')}</span>;
  return (
    <Stack direction="row" spacing={1}>
      {ids.map((id) => (
        <DocumentImage key={id} id={id} />
      ))}
    </Stack>
  );
};

const ShowActions = () => {
  const { canAccess } = useCanAccess({ resource: 'products', action: 'edit' });
  return <TopToolbar>{canAccess && <EditButton />}</TopToolbar>;
};

export const ProductShow = () => (
  <Show actions={<ShowActions />}>
    <Box sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}><Labeled source="titleZh"><TextField source="titleZh" sx={{ fontWeight: 600 }} /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 6 }}><Labeled source="titleEn"><TextField source="titleEn" emptyText="—" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="category"><Name path="category.nameZh" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="brand"><Name path="brand.name" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="factory"><Name path="factory.name" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="status"><EnumField source="status" prefix="xp.enums.ProductStatus" chip /></Labeled></Grid>
        <Grid size={{ xs: 12 }}><Labeled source="description"><TextField source="description" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} /></Labeled></Grid>
        <Grid size={{ xs: 12 }}><Labeled source="imageDocumentIds"><Images /></Labeled></Grid>
      </Grid>
      <Skus />
    </Box>
  </Show>
);

const bySearch = (search: string) => (search ? { search } : {});

const ProductInputs = ({ creating }: { creating: boolean }) => {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="titleZh" validate={required()} fullWidth helperText="xp.catalog.title_hint" />
      <TextInput source="titleEn" fullWidth />
      <CategoryInput source="categoryId" leavesOnly isRequired />
      <ReferenceInput source="brandId" reference="brands" sort={{ field: 'name', order: 'ASC' }} perPage={100} filter={{}}>
        <AutocompleteInput optionText={(b: { name: string; status: string }) => `${b.name}（${translate(`xp.enums.BrandStatus.${b.status}`)}）`} filterToQuery={bySearch} sx={{ minWidth: 260 }} />
      </ReferenceInput>
      <TextInput source="description" multiline minRows={3} fullWidth />
      {creating && <DocumentUploadInput source="imageDocumentIds" kind="PRODUCT_IMAGE" label="resources.products.fields.imageDocumentIds" accept="image/*" multiple />}
      {!creating && <SelectInput source="status" choices={statusChoices} validate={required()} />}
      {!creating && <Chip size="small" variant="outlined" label={translate('xp.catalog.edit_skus_hint')} sx={{ alignSelf: 'flex-start' }} />}
    </>
  );
};

/** A new product (then its SKUs on its page). */
export const ProductCreate = () => (
  <Create redirect="show" mutationMode="pessimistic">
    <SimpleForm>
      <ProductInputs creating />
    </SimpleForm>
  </Create>
);

export const ProductEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <ProductInputs creating={false} />
    </SimpleForm>
  </Edit>
);
