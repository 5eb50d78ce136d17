import { Chip, Stack } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  DataTable,
  Edit,
  List,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SimpleForm,
  TextInput,
  minValue,
  required,
  useRecordContext,
  usePermissions,
} from 'react-admin';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { FACTORY_ROLES } from '../../access/roles';
import { CategoryInput } from '../../components/categories';
import { EnumField } from '../../components/fields';
import { VenueInput } from '../../components/venue';
import { COLOR, formatOtherAttributes, SIZE } from './queries';

export const skuStatusChoices = ['ACTIVE', 'ARCHIVED'].map((s) => ({ id: s, name: `xp.enums.SkuStatus.${s}` }));
const bySearch = (search: string) => (search ? { search } : {});

/** Colour, size and the other attributes as chips. */
export const AttributesField = (_: { label?: string; source?: string }) => {
  const record = useRecordContext();
  const attributes = (record?.attributes ?? {}) as Record<string, string>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {Object.entries(attributes).map(([k, v]) => (
        <Chip key={k} size="small" variant="outlined" label={`${k}：${v}`} />
      ))}
    </Stack>
  );
};

const ProductTitle = (_: { label?: string }) => {
  const record = useRecordContext();
  return <span>{record?.product?.titleZh}</span>;
};

const FactoryName = (_: { label?: string }) => {
  const record = useRecordContext();
  return <span>{record?.product?.factory?.name}</span>;
};

export const BrandFilterInput = ({ source = 'brandId' }: { source?: string; alwaysOn?: boolean }) => (
  <ReferenceInput source={source} reference="brands" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
    <AutocompleteInput optionText="name" filterToQuery={bySearch} sx={{ minWidth: 200 }} />
  </ReferenceInput>
);

export const SkuList = () => {
  const { permissions } = usePermissions<Permissions>();
  const factory = hasAnyRole(permissions, FACTORY_ROLES);
  const filters = [
    <SearchInput key="search" source="search" alwaysOn />,
    <CategoryInput key="categoryId" source="categoryId" alwaysOn />,
    <BrandFilterInput key="brandId" source="brandId" alwaysOn />,
    <TextInput key="gtin" source="gtin" />,
    <SelectInput key="status" source="status" choices={skuStatusChoices} />,
    ...(factory ? [] : [<VenueInput key="venueId" source="venueId" />]),
  ];
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }}>
      <DataTable rowClick={(_id, _resource, record) => `/products/${record.productId}/show`} bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="product" disableSort>
          <ProductTitle />
        </DataTable.Col>
        <DataTable.Col source="attributes" disableSort>
          <AttributesField />
        </DataTable.Col>
        <DataTable.Col source="gtin" disableSort />
        <DataTable.Col source="unit" disableSort />
        <DataTable.Col source="packSize" disableSort />
        <DataTable.Col source="moq" disableSort />
        {!factory && (
          <DataTable.Col source="factory" disableSort>
            <FactoryName />
          </DataTable.Col>
        )}
        <DataTable.Col source="status" disableSort>
          <EnumField source="status" prefix="xp.enums.SkuStatus" chip />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

const gtinRule = (value: string | undefined) => (value && !/^[0-9]{13}$/.test(value) ? 'xp.validation.gtin' : undefined);
const codeRule = (value: string | undefined) => (value && !/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/.test(value) ? 'xp.catalog.sku_code_rule' : undefined);
const moqRule = (value: unknown, values: Record<string, unknown>) => {
  const moq = Number(value);
  const pack = Number(values.packSize || 1);
  return value !== undefined && value !== null && value !== '' && pack > 0 && moq % pack !== 0 ? { message: 'xp.validation.moqPack', args: { packSize: pack } } : undefined;
};

const SkuInputs = ({ creating }: { creating: boolean }) => (
  <>
    {creating && (
      <ReferenceInput source="productId" reference="products" sort={{ field: 'updatedAt', order: 'DESC' }} perPage={50}>
        <AutocompleteInput optionText="titleZh" filterToQuery={bySearch} validate={required()} sx={{ minWidth: 360 }} />
      </ReferenceInput>
    )}
    <TextInput source="code" validate={creating ? [required(), codeRule] : undefined} disabled={!creating} helperText={creating ? 'xp.catalog.sku_code_hint' : 'xp.catalog.sku_code_fixed'} />
    <TextInput source="gtin" validate={gtinRule} helperText="xp.catalog.gtin_hint" />
    <Stack direction="row" spacing={2}>
      <TextInput source="color" />
      <TextInput source="size" />
    </Stack>
    <TextInput source="otherAttributes" fullWidth helperText="xp.catalog.other_attributes_hint" />
    <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap">
      <TextInput source="unit" validate={required()} />
      <NumberInput source="packSize" min={1} step={1} validate={[required(), minValue(1)]} />
      <NumberInput source="moq" min={1} step={1} validate={[minValue(1), moqRule]} helperText="xp.catalog.moq_hint" />
      <NumberInput source="weightGrams" min={0} step={1} />
    </Stack>
    {!creating && <SelectInput source="status" choices={skuStatusChoices} validate={required()} />}
  </>
);

/** A new SKU of a product (the product page opens it with the product chosen). */
export const SkuCreate = () => (
  <Create mutationMode="pessimistic" redirect={(_r?: string, _id?: unknown, data?: Record<string, any>) => (data?.productId ? `products/${data.productId}/show` : 'skus')}>
    <SimpleForm defaultValues={{ unit: '件', packSize: 1 }}>
      <SkuInputs creating />
    </SimpleForm>
  </Create>
);

/** Colour and size come out of the attributes into inputs of their own, the rest as text. */
const toForm = (record: Record<string, any>) => ({
  ...record,
  color: record.attributes?.[COLOR] ?? '',
  size: record.attributes?.[SIZE] ?? '',
  otherAttributes: formatOtherAttributes(record.attributes),
});

export const SkuEdit = () => (
  <Edit mutationMode="pessimistic" redirect={(_r?: string, _id?: unknown, data?: Record<string, any>) => (data?.productId ? `products/${data.productId}/show` : 'skus')}>
    <SkuEditForm />
  </Edit>
);

const SkuEditForm = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <SimpleForm record={toForm(record)}>
      <SkuInputs creating={false} />
    </SimpleForm>
  );
};
