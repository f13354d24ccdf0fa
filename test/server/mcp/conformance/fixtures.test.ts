// The conformance fixtures as a client sees them, over the SDK's in-memory transport (the full suite runs in
// scripts/conformance.ts); mainly guards the one SDK internal the fixtures rely on.
import { afterEach, describe, expect, test } from 'bun:test';
import { Client } from '@modelcontextprotocol/client';
import { InMemoryServerEventBus, InMemoryTransport } from '@modelcontextprotocol/server';
import { createMcpServer, loadConformanceFixtures } from '../../../../server/mcp/server.ts';

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

async function connect(conformanceFixtures: boolean): Promise<Client> {
  const conformance = conformanceFixtures ? { fixtures: await loadConformanceFixtures(), bus: new InMemoryServerEventBus() } : undefined;
  const server = createMcpServer({ plugins: [], conformance });
  const client = new Client({ name: 'fixture-test', version: '1.0.0' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  open.push(() => client.close(), () => server.close());
  return client;
}

describe('conformance fixtures', () => {
  test('lists json_schema_2020_12_tool with its 2020-12 schema kept verbatim', async () => {
    const client = await connect(true);
    const { tools } = await client.listTools();
    const tool = tools.find((t) => t.name === 'json_schema_2020_12_tool');
    expect(tool?.inputSchema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $defs: { address: { $anchor: 'postalAddress', type: 'object' } },
      allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
      if: { required: ['reachBy'] },
      additionalProperties: false,
    });
    // The other tools still come from the SDK's own listing.
    expect(tools.find((t) => t.name === 'test_simple_text')?.inputSchema.type).toBe('object');
  });

  test('answers test_simple_text with the fixed text', async () => {
    const client = await connect(true);
    const result = await client.callTool({ name: 'test_simple_text' });
    expect(result.content).toEqual([{ type: 'text', text: 'This is a simple text response for testing.' }]);
  });

  test('completes arg1 of test_prompt_with_arguments by prefix', async () => {
    const client = await connect(true);
    const { completion } = await client.complete({ ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' }, argument: { name: 'arg1', value: 'par' } });
    expect(completion.values).toEqual(['paris', 'park', 'party']);
  });

  test('accepts resource subscriptions', async () => {
    const client = await connect(true);
    expect(client.getServerCapabilities()?.resources?.subscribe).toBe(true);
    await expect(client.subscribeResource({ uri: 'test://watched-resource' })).resolves.toEqual({});
    await expect(client.unsubscribeResource({ uri: 'test://watched-resource' })).resolves.toEqual({});
  });

  test('registers nothing without the flag', async () => {
    const client = await connect(false);
    const { tools } = await client.listTools();
    expect(tools.some((t) => t.name.startsWith('test_'))).toBe(false);
  });
});
