// Which owner page a path shows: the console at /, the setup link and the consent page (their secrets travel in
// the URL fragment, never to the server's logs). undefined for every other path.
import type { JSX } from 'solid-js';
import type { Api, OwnerApi } from '../api/client';
import { ConsentPage } from './consent';
import { ConsolePage } from './console';
import { SetupPage } from './setup';

export function ownerPage(path: string, api: Api, owner: OwnerApi, hash: string, navigate: (url: string) => void): JSX.Element | undefined {
  const secret = hash.replace(/^#/, '');
  if (path === '/') return <ConsolePage api={api} owner={owner} />;
  if (path === '/setup') return <SetupPage owner={owner} code={secret} navigate={navigate} />;
  if (path === '/consent') return <ConsentPage owner={owner} requestId={secret} navigate={navigate} />;
  return undefined;
}
