import type { ReactNode } from 'react';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { Box, Chip, Typography } from '@mui/material';
import { AppBar, Layout, Logout, MenuItemLink, TitlePortal, UserMenu, usePermissions, useTranslate } from 'react-admin';
import { portalOf, Permissions } from '../access/permissions';
import { XpMenu } from './Menu';

const XpUserMenu = () => (
  <UserMenu>
    <MenuItemLink to="/account" primaryText="xp.menu.account" leftIcon={<AccountCircleIcon />} />
    <Logout />
  </UserMenu>
);

/** The brand and which portal this is (平台管理, 工厂门户, …), then the page's title. */
const XpAppBar = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  return (
    <AppBar userMenu={<XpUserMenu />}>
      <Typography variant="h6" sx={{ fontWeight: 700, mr: 1, whiteSpace: 'nowrap' }}>
        {translate('xp.app.brand')}
      </Typography>
      {permissions && (
        <Chip size="small" label={translate(`xp.portal.${portalOf(permissions)}`)} sx={{ mr: 2, color: 'inherit', borderColor: 'rgba(255,255,255,0.6)' }} variant="outlined" data-testid="portal" />
      )}
      <TitlePortal />
      <Box sx={{ flex: 1 }} />
    </AppBar>
  );
};

export const XpLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={XpMenu} appBar={XpAppBar}>
    {children}
  </Layout>
);
