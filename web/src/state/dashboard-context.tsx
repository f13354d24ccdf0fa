// What components and widgets read from the dashboard page: the live data (store, status, connection) and the theme.
import { createContext, useContext, type Accessor } from 'solid-js';
import type { Connection } from '../api/dashboard-stream';
import type { ResolvedTheme } from '../lib/theme';
import type { DashboardStore } from './dashboard-store';
import type { FeedbackState } from './feedback';

export type PageStatus = 'loading' | 'ready' | 'not-found' | 'expired' | 'error';

export interface DashboardData {
  id: string;
  store: DashboardStore;
  /** Answers, comments and messages the person sends, and what the assistant has seen. */
  feedback: FeedbackState;
  status: Accessor<PageStatus>;
  connection: Accessor<Connection>;
  /** When the next reconnect attempt happens (ms epoch), while reconnecting. */
  retryAt: Accessor<number | undefined>;
  reconnectNow(): void;
}

export const DashboardContext = createContext<DashboardData>();
const light: Accessor<ResolvedTheme> = () => 'light';
export const ThemeContext = createContext<Accessor<ResolvedTheme>>(light);

export function useDashboard(): DashboardData {
  const data = useContext(DashboardContext);
  if (!data) throw new Error('useDashboard() needs a <DashboardContext.Provider>');
  return data;
}

/** The page's feedback state, or undefined for a widget shown outside a dashboard page (then it takes no feedback). */
export function useFeedback(): FeedbackState | undefined {
  return useContext(DashboardContext)?.feedback;
}

export const useTheme = (): Accessor<ResolvedTheme> => useContext(ThemeContext);
