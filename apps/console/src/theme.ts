import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme with CJK fonts first and the project's colours. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#1f6f8b' },
    secondary: { main: '#0f3d5e' },
  },
  typography: {
    fontFamily: ['"Noto Sans CJK SC"', '"PingFang SC"', '"Microsoft YaHei"', 'system-ui', '-apple-system', '"Segoe UI"', 'Roboto', 'sans-serif'].join(','),
  },
};
