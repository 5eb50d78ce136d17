import { ArrayInput, Create, DateInput, NumberInput, SelectInput, SimpleForm, SimpleFormIterator, TextInput, minValue, required } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { SkuInput } from '../../components/stockFields';
import { useWorkVenues } from '../../components/venue';
import { shanghaiDay } from '../../format/dates';
import { MONEY } from './queries';

const money = (v: unknown) => (v !== undefined && v !== null && v !== '' && !MONEY.test(String(v).trim()) ? 'xp.pricing.money_rule' : undefined);

const Lines = () => {
  const venueId = useWatch({ name: 'venueId' }) as string | undefined;
  return (
    <ArrayInput source="lines" validate={required()}>
      <SimpleFormIterator disableReordering fullWidth>
        <SkuInput source="skuId" filter={{ venueId, status: 'ACTIVE' }} label="xp.pricing.sku" required />
        <ArrayInput source="tiers" label="xp.pricing.tiers" validate={required()}>
          <SimpleFormIterator inline disableReordering>
            <NumberInput source="minQuantity" label="xp.pricing.min_quantity" min={1} step={1} validate={[required(), minValue(1)]} />
            <TextInput source="unitPrice" label="xp.pricing.supply_price" validate={[required(), money]} />
          </SimpleFormIterator>
        </ArrayInput>
        <TextInput source="retailPrice" label="xp.pricing.retail_price" validate={[required(), money]} />
        <TextInput source="requestedFloor" label="xp.pricing.requested_floor" validate={money} helperText="xp.pricing.floor_hint_factory" />
      </SimpleFormIterator>
    </ArrayInput>
  );
};

const VenueChoice = () => {
  const { venues } = useWorkVenues();
  return <SelectInput source="venueId" choices={venues.map((v) => ({ id: v.id, name: `${v.name}（${v.code}）` }))} translateChoice={false} validate={required()} />;
};

/** A factory's new price sheet (a draft): supply tiers from the MOQ, retail price, optional floor per SKU. */
export const PriceSheetCreate = () => (
  <Create redirect="show" mutationMode="pessimistic">
    <SimpleForm defaultValues={{ effectiveFrom: shanghaiDay(), lines: [{ tiers: [{}] }] }}>
      <VenueChoice />
      <DateInput source="effectiveFrom" validate={required()} />
      <TextInput source="note" fullWidth />
      <Lines />
    </SimpleForm>
  </Create>
);
