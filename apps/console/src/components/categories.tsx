import { useMemo } from 'react';
import { AutocompleteArrayInput, AutocompleteInput, useGetList } from 'react-admin';

export interface CategoryRecord {
  id: string;
  code: string;
  nameZh: string;
  nameEn?: string | null;
  parentId: string | null;
  sortOrder: number;
  active: boolean;
}

export interface CategoryChoice {
  id: string;
  code: string;
  name: string;
  depth: number;
  leaf: boolean;
}

/** The whole category tree (a few dozen rows), flattened in tree order with "parent / child" names. */
export function useCategoryChoices(): { choices: CategoryChoice[]; isPending: boolean; byId: Map<string, CategoryChoice> } {
  const { data = [], isPending } = useGetList<CategoryRecord & { id: string }>('categories', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'sortOrder', order: 'ASC' },
    filter: { active: true },
  });
  return useMemo(() => {
    const children = new Map<string | null, CategoryRecord[]>();
    for (const c of data) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
    const choices: CategoryChoice[] = [];
    const walk = (parentId: string | null, path: string[], depth: number) => {
      for (const c of (children.get(parentId) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))) {
        const names = [...path, c.nameZh];
        choices.push({ id: c.id, code: c.code, name: names.join(' / '), depth, leaf: !children.has(c.id) });
        walk(c.id, names, depth + 1);
      }
    };
    walk(null, [], 0);
    return { choices, isPending, byId: new Map(choices.map((c) => [c.id, c])) };
  }, [data, isPending]);
}

const required = (v: unknown) => (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) ? 'ra.validation.required' : undefined);

/** One category by typing part of its name (leaves only when products hang from it). */
export const CategoryInput = ({ source, label, leavesOnly, isRequired, alwaysOn: _alwaysOn }: { source: string; label?: string; leavesOnly?: boolean; isRequired?: boolean; alwaysOn?: boolean }) => {
  const { choices } = useCategoryChoices();
  return (
    <AutocompleteInput
      source={source}
      label={label}
      choices={leavesOnly ? choices.filter((c) => c.leaf) : choices}
      optionText="name"
      translateChoice={false}
      validate={isRequired ? required : undefined}
      sx={{ minWidth: 300 }}
    />
  );
};

/** Several categories (an application's). */
export const CategoryArrayInput = ({ source, label, isRequired }: { source: string; label?: string; isRequired?: boolean }) => {
  const { choices } = useCategoryChoices();
  return (
    <AutocompleteArrayInput
      source={source}
      label={label}
      choices={choices.filter((c) => c.leaf)}
      optionText="name"
      translateChoice={false}
      validate={isRequired ? required : undefined}
      sx={{ minWidth: 400 }}
    />
  );
};
