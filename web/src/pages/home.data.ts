// Data for the home page: the server's name, version and MCP URL.
import { createResource, type Resource } from 'solid-js';
import type { Api } from '../api/client';
import type { ServerInfo } from '../api/types';

export function createHomeData(api: Api): Resource<ServerInfo | undefined> {
  const [info] = createResource(async () => {
    const res = await api.getInfo();
    return res.ok ? res.value : undefined;
  });
  return info;
}
