// Context for the dashboard page: the live data (store, status, connection) and the resolved theme.
import { createContext, useContext, type Accessor } from 'solid-js';
import type { DashboardData } from './dashboard.data';
import type { ResolvedTheme } from '../lib/theme';

export const DashboardContext = createContext<DashboardData>();
const light: Accessor<ResolvedTheme> = () => 'light';
export const ThemeContext = createContext<Accessor<ResolvedTheme>>(light);

export function useDashboard(): DashboardData {
  const data = useContext(DashboardContext);
  if (!data) throw new Error('useDashboard() needs a <DashboardContext.Provider>');
  return data;
}

export const useTheme = (): Accessor<ResolvedTheme> => useContext(ThemeContext);
