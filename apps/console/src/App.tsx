import { Admin, CustomRoutes, localStorageStore, Resource } from 'react-admin';
import { BrowserRouter, Route } from 'react-router-dom';
import { canAccess, resourcesFor } from './access/access';
import type { Permissions } from './access/permissions';
import { AccountPage } from './account/AccountPage';
import { createAuthProvider } from './authProvider';
import { createDataProvider } from './dataProvider';
import { Home } from './home/Home';
import { currentLocale, i18nProvider, translate } from './i18n';
import { XpLayout } from './layout/Layout';
import { LoginPage } from './login/LoginPage';
import { PAGES } from './pages';
import { RegisterPage } from './register/RegisterPage';
import { QUERIES, RESOURCES } from './resources';
import { theme } from './theme';

const dataProvider = createDataProvider({ queries: QUERIES, translate, locale: currentLocale });
const authProvider = createAuthProvider({ resources: RESOURCES, translate, locale: currentLocale });
const store = localStorageStore('1', 'xuanpin');

/**
 * The console. Each user gets the resources its roles reach (resources/index.ts, each with its
 * access table) and only the views it may use; react-admin's buttons ask authProvider.canAccess.
 */
export const App = () => (
  // Real paths (/venues/…/show) rather than react-admin's default hash router: the API answers
  // every console path with index.html, so links and reloads land on the right screen.
  <BrowserRouter>
  <Admin
    title="选品"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    store={store}
    layout={XpLayout}
    dashboard={Home}
    loginPage={LoginPage}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <CustomRoutes noLayout>
      <Route path="/register" element={<RegisterPage />} />
    </CustomRoutes>
    {(permissions: Permissions) => (
      <>
        {resourcesFor(RESOURCES, permissions).map((r) => {
          const may = (action: string) => canAccess(RESOURCES, permissions, r.name, action);
          return (
            <Resource
              key={r.name}
              name={r.name}
              icon={r.icon}
              list={may('list') ? r.list : undefined}
              show={may('show') ? r.show : undefined}
              create={may('create') ? r.create : undefined}
              edit={may('edit') ? r.edit : undefined}
              recordRepresentation={r.recordRepresentation}
            />
          );
        })}
        <CustomRoutes>
          <Route path="/account" element={<AccountPage />} />
          {PAGES.map((p) => (
            <Route key={p.path} path={p.path} element={<p.component />} />
          ))}
        </CustomRoutes>
      </>
    )}
  </Admin>
  </BrowserRouter>
);
