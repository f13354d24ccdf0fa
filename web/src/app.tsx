// Router: "/dashboard/<id>" shows a dashboard; /, /setup and /consent the owner's pages; anything else the home page.
import type { JSX } from 'solid-js';
import { httpApi, httpOwnerApi, type Api, type OwnerApi } from './api/client';
import { DashboardPage } from './pages/dashboard';
import { HomePage } from './pages/home';
import { ownerPage } from './pages/owner-routes';

export function dashboardIdFromPath(pathname: string): string | undefined {
  const m = /^\/dashboard\/([^/]+)\/?$/.exec(pathname);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1];
  }
}

export function App(props: { path: string; api?: Api; owner?: OwnerApi; hash?: string; navigate?: (url: string) => void }): JSX.Element {
  const api = props.api ?? httpApi;
  const id = dashboardIdFromPath(props.path);
  if (id !== undefined) return <DashboardPage id={id} api={api} />;
  return ownerPage(props.path, api, props.owner ?? httpOwnerApi, props.hash ?? location.hash, props.navigate ?? ((url) => location.assign(url))) ?? <HomePage api={api} />;
}
