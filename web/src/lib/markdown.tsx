// Markdown (CommonMark + GFM tables) rendered as Solid elements from the mdast tree: never innerHTML.
import { For, Match, Switch, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Definition, Nodes, Parents, Root, RootContent, Table } from 'mdast';
import { isAllowedImageSrc, safeLinkHref } from '../../../server/dashboard/present/safe-url.ts';

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

type Defs = Map<string, Definition>;

function collectDefinitions(root: Root): Defs {
  const defs: Defs = new Map();
  const walk = (n: Nodes): void => {
    if (n.type === 'definition') defs.set(n.identifier.toLowerCase(), n);
    if ('children' in n) (n.children as Nodes[]).forEach(walk);
  };
  walk(root);
  return defs;
}

function Link(props: { href: string | null | undefined; title?: string | null; children: JSX.Element }): JSX.Element {
  const href = safeLinkHref(props.href);
  // A link the page may not follow still shows its text, so nothing the author wrote is lost.
  return href ? (
    <a href={href} title={props.title ?? undefined} target="_blank" rel="noopener noreferrer">
      {props.children}
    </a>
  ) : (
    <span class="md-dead-link">{props.children}</span>
  );
}

function Image(props: { src: string | null | undefined; alt?: string | null }): JSX.Element {
  return isAllowedImageSrc(props.src) ? (
    <img src={props.src} alt={props.alt ?? ''} class="md-img" />
  ) : (
    <span class="md-img-blocked">[image: {props.alt || 'not shown'}]</span>
  );
}

function Children(props: { node: Parents; defs: Defs }): JSX.Element {
  return <For each={props.node.children as RootContent[]}>{(child) => <Node node={child} defs={props.defs} />}</For>;
}

function TableNode(props: { node: Table; defs: Defs }): JSX.Element {
  const align = (i: number): 'left' | 'right' | 'center' | undefined => props.node.align?.[i] ?? undefined;
  const [head, ...body] = props.node.children;
  return (
    <div class="md-table-wrap">
      <table>
        <thead>
          <tr>
            <For each={head?.children ?? []}>
              {(cell, i) => (
                <th scope="col" style={{ 'text-align': align(i()) }}>
                  <Children node={cell} defs={props.defs} />
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={body}>
            {(row) => (
              <tr>
                <For each={row.children}>
                  {(cell, i) => (
                    <td style={{ 'text-align': align(i()) }}>
                      <Children node={cell} defs={props.defs} />
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

function Node(props: { node: RootContent; defs: Defs }): JSX.Element {
  const n = props.node;
  const kids = (): JSX.Element => <Children node={n as Parents} defs={props.defs} />;
  switch (n.type) {
    case 'paragraph':
      return <p>{kids()}</p>;
    case 'heading':
      // h1/h2 belong to the page and widget titles; markdown headings start one level below.
      return <Dynamic component={`h${Math.min(6, n.depth + 2)}`} class={`md-h md-h${n.depth}`}>{kids()}</Dynamic>;
    case 'text':
      return <>{n.value}</>;
    case 'emphasis':
      return <em>{kids()}</em>;
    case 'strong':
      return <strong>{kids()}</strong>;
    case 'delete':
      return <del>{kids()}</del>;
    case 'inlineCode':
      return <code>{n.value}</code>;
    case 'code':
      return <pre class="md-code"><code>{n.value}</code></pre>;
    case 'html':
      // Raw HTML is shown as the text the author wrote, never parsed.
      return <span class="md-raw-html">{n.value}</span>;
    case 'break':
      return <br />;
    case 'thematicBreak':
      return <hr />;
    case 'blockquote':
      return <blockquote>{kids()}</blockquote>;
    case 'list':
      return n.ordered ? <ol start={n.start ?? undefined}>{kids()}</ol> : <ul>{kids()}</ul>;
    case 'listItem':
      return (
        <li>
          <Switch fallback={kids()}>
            <Match when={n.checked !== null && n.checked !== undefined}>
              <input type="checkbox" checked={!!n.checked} disabled aria-label={n.checked ? 'done' : 'not done'} /> {kids()}
            </Match>
          </Switch>
        </li>
      );
    case 'link':
      return <Link href={n.url} title={n.title}>{kids()}</Link>;
    case 'linkReference': {
      const def = props.defs.get(n.identifier.toLowerCase());
      return def ? <Link href={def.url} title={def.title}>{kids()}</Link> : <>{kids()}</>;
    }
    case 'image':
      return <Image src={n.url} alt={n.alt} />;
    case 'imageReference': {
      const def = props.defs.get(n.identifier.toLowerCase());
      return <Image src={def?.url} alt={n.alt} />;
    }
    case 'table':
      return <TableNode node={n} defs={props.defs} />;
    case 'definition':
      return null;
    default:
      return 'children' in n ? kids() : 'value' in n ? <>{String((n as { value: unknown }).value)}</> : null;
  }
}

export function Markdown(props: { text: string; class?: string }): JSX.Element {
  const tree = (): { root: Root; defs: Defs } => {
    const root = parseMarkdown(props.text);
    return { root, defs: collectDefinitions(root) };
  };
  return (
    <div class={`md ${props.class ?? ''}`}>
      {(() => {
        const t = tree();
        return <Children node={t.root} defs={t.defs} />;
      })()}
    </div>
  );
}
