import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { ListSubheader } from '@mui/material';
import { Menu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { menuResourcesFor } from '../access/access';
import type { Permissions } from '../access/permissions';
import { RESOURCES } from '../resources';
import { MENU_GROUPS } from '../resources/types';
import { menuLinksFor } from './menuLinks';

/** Home; then by section the resources this user may list (registry order) and its own pages; the account. */
export const XpMenu = () => {
  const { permissions } = usePermissions<Permissions>();
  const translate = useTranslate();
  const [open] = useSidebarState();
  const resources = menuResourcesFor(RESOURCES, permissions);
  const links = menuLinksFor(permissions);
  return (
    <Menu>
      <Menu.DashboardItem primaryText="xp.menu.home" />
      {MENU_GROUPS.map((group) => {
        const inGroup = resources.filter((r) => r.group === group);
        const groupLinks = links.filter((l) => l.group === group);
        if (inGroup.length + groupLinks.length === 0) return null;
        return [
          open ? (
            <ListSubheader key={`group-${group}`} disableSticky sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent' }} data-testid="menu-group">
              {translate(`xp.menu.groups.${group}`)}
            </ListSubheader>
          ) : null,
          ...groupLinks.filter((l) => l.first).map((l) => <Menu.Item key={l.label} to={l.to} primaryText={l.label} leftIcon={<l.icon />} />),
          ...inGroup.map((r) => {
            const label = permissions && r.menuLabel?.(permissions);
            return label ? <Menu.ResourceItem key={r.name} name={r.name} primaryText={translate(label)} /> : <Menu.ResourceItem key={r.name} name={r.name} />;
          }),
          ...groupLinks.filter((l) => !l.first).map((l) => <Menu.Item key={l.label} to={l.to} primaryText={l.label} leftIcon={<l.icon />} />),
        ];
      })}
      <Menu.Item to="/account" primaryText="xp.menu.account" leftIcon={<AccountCircleIcon />} />
    </Menu>
  );
};
