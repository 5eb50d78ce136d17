import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { Menu, usePermissions } from 'react-admin';
import { menuResourcesFor } from '../access/access';
import type { Permissions } from '../access/permissions';
import { RESOURCES } from '../resources';
import { menuLinksFor } from './menuLinks';

/** Home, the resources this user may list (registry order), its own pages, and the account. */
export const XpMenu = () => {
  const { permissions } = usePermissions<Permissions>();
  return (
    <Menu>
      <Menu.DashboardItem primaryText="xp.menu.home" />
      {menuResourcesFor(RESOURCES, permissions).map((r) => (
        <Menu.ResourceItem key={r.name} name={r.name} />
      ))}
      {menuLinksFor(permissions).map((l) => (
        <Menu.Item key={l.label} to={l.to} primaryText={l.label} leftIcon={<l.icon />} />
      ))}
      <Menu.Item to="/account" primaryText="xp.menu.account" leftIcon={<AccountCircleIcon />} />
    </Menu>
  );
};
