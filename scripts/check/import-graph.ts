// The project's relative-import graph, read with the TypeScript parser: the architecture tests use it to refuse
// import circles in server/ (test/server/architecture/) and imports that cross between server/ and web/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

/** value: loaded when the importer loads; type: erased at run time (still a dependency of the design); dynamic: import(). */
export type ImportKind = 'value' | 'type' | 'dynamic';

export interface RelativeImport {
  /** As written, e.g. '../store/db.ts'. */
  specifier: string;
  /** Absolute path it resolves to (the file as written; .ts/.tsx/index.ts tried when it names no file). */
  path: string;
  kind: ImportKind;
}

const resolveSpecifier = (from: string, specifier: string): string => {
  const base = resolve(dirname(from), specifier);
  if (existsSync(base) && !existsSync(join(base, 'index.ts'))) return base;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) if (existsSync(candidate)) return candidate;
  return base;
};

/** Whether an import declaration brings in only types (`import type`, or every named binding marked `type`). */
function typeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function typeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/**
 * Every relative import of one file: import and export declarations (type-only ones too), side-effect imports,
 * import() calls and `import('...')` types. Package imports are left out; so is anything in comments or strings.
 */
export function relativeImports(file: string, source: string = readFileSync(file, 'utf8')): RelativeImport[] {
  const kindOf = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, kindOf);
  const found: RelativeImport[] = [];
  const add = (literal: ts.Node | undefined, kind: ImportKind) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    const specifier = literal.text;
    if (specifier.startsWith('./') || specifier.startsWith('../')) found.push({ specifier, path: resolveSpecifier(file, specifier), kind });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, typeOnlyImport(node) ? 'type' : 'value');
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, typeOnlyExport(node) ? 'type' : 'value');
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node.isTypeOnly ? 'type' : 'value');
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], 'dynamic');
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, 'type');
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** Every .ts/.tsx file under `dir` (declaration files and node_modules left out), sorted. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(resolve(dir));
  return out.sort();
}

/** file -> the files it imports (of the kinds asked for), for every file given; imports of other files are kept. */
export function importGraph(files: string[], kinds: readonly ImportKind[] = ['value', 'type', 'dynamic']): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = relativeImports(file).filter((i) => kinds.includes(i.kind)).map((i) => i.path);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * The import circles of a graph: one circle per strongly connected component (Tarjan), each given as the files in
 * import order starting from its alphabetically first file (the first file is not repeated at the end). A file that
 * imports itself is a circle of one.
 */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const edges = (node: string) => graph.get(node) ?? [];

  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges(node)) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || edges(node).includes(node)) components.push(component);
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);

  return components.map((component) => circleThrough(component, edges)).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** One concrete circle inside a strongly connected component: the shortest way from its first file back to itself. */
function circleThrough(component: string[], edges: (node: string) => string[]): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const next of edges(node)) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}
