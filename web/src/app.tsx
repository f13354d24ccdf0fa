// Router for the two pages: "/dashboard/<id>" shows a dashboard, anything else the home page.
import type { JSX } from 'solid-js';
import { httpApi, type Api } from './api/client';
import { DashboardPage } from './pages/dashboard';
import { HomePage } from './pages/home';

export function dashboardIdFromPath(pathname: string): string | undefined {
  const m = /^\/dashboard\/([^/]+)\/?$/.exec(pathname);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1];
  }
}

export function App(props: { path: string; api?: Api }): JSX.Element {
  const api = props.api ?? httpApi;
  const id = dashboardIdFromPath(props.path);
  return id !== undefined ? <DashboardPage id={id} api={api} /> : <HomePage api={api} />;
}
