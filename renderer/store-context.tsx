import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { AppStores } from './stores/index.ts';

export const StoresContext = createContext<AppStores | null>(null);

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresContext is missing');
  return stores;
}

/** Reads one slice of one store; re-renders only when that slice changes. */
export function useSlice<S, T>(pick: (stores: AppStores) => StoreApi<S>, select: (state: S) => T): T {
  return useStore(pick(useStores()), select);
}
