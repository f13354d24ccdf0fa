// Lets a widget hand its frame extra actions (a chart registers its PNG export here).
import { createContext, useContext } from 'solid-js';

export interface WidgetFrameApi {
  setPngExporter(fn: (() => string | undefined) | undefined): void;
}

export const WidgetFrameContext = createContext<WidgetFrameApi>({ setPngExporter: () => undefined });

export const useWidgetFrame = (): WidgetFrameApi => useContext(WidgetFrameContext);
