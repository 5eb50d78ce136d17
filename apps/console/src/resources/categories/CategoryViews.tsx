import { Box, Card, Chip, List as MuiList, ListItem, ListItemText, Skeleton, Typography } from '@mui/material';
import { Create, CreateButton, NumberInput, required, SimpleForm, TextInput, Title, TopToolbar, useTranslate } from 'react-admin';
import { CategoryInput, useCategoryChoices } from '../../components/categories';

/** The platform's category tree (all of it: a few dozen rows), indented, with codes for the import template. */
export const CategoryTree = () => {
  const translate = useTranslate();
  const { choices, isPending } = useCategoryChoices();
  return (
    <Box>
      <Title title="resources.categories.name" />
      <TopToolbar>
        <CreateButton resource="categories" />
      </TopToolbar>
      <Card>
        {isPending ? (
          <Skeleton height={200} />
        ) : (
          <MuiList dense data-testid="category-tree">
            {choices.map((c) => (
              <ListItem key={c.id} sx={{ pl: 2 + c.depth * 4 }}>
                <ListItemText
                  primary={
                    <Typography component="span" sx={{ fontWeight: c.depth === 0 ? 600 : 400 }}>
                      {c.name.split(' / ').pop()}
                    </Typography>
                  }
                  secondary={c.code}
                />
                {c.leaf && <Chip size="small" variant="outlined" label={translate('xp.catalog.leaf')} />}
              </ListItem>
            ))}
          </MuiList>
        )}
      </Card>
    </Box>
  );
};

const codeFormat = (value: string) => (value && !/^[A-Z0-9-]{2,40}$/.test(value) ? { message: 'xp.validation.code', args: { min: 2, max: 40 } } : undefined);

export const CategoryCreate = () => (
  <Create redirect="list" mutationMode="pessimistic">
    <SimpleForm defaultValues={{ sortOrder: 0 }}>
      <CategoryInput source="parentId" />
      <TextInput source="code" validate={[required(), codeFormat]} parse={(v: string) => v.toUpperCase()} helperText="APPAREL-SCARF" />
      <TextInput source="nameZh" validate={required()} />
      <TextInput source="nameEn" />
      <NumberInput source="sortOrder" step={1} />
    </SimpleForm>
  </Create>
);
