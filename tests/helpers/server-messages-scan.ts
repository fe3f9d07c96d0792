// Finds, in the server's source, the Spanish messages it can send to the renderer: the texts the
// renderer's English catalogue (renderer/src/i18n/server-messages.en.ts) must cover.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export interface FoundMessage {
  /** "electron/core/auth.ts:14" */
  where: string;
  /** The literal text, or for a template literal its fixed parts (one more than the expressions). */
  strings: string[];
  /** The source text of each `${…}` expression of a template literal (none for a plain literal). */
  expressions: string[];
}

/** Helpers whose argument at this index is a message (electron/core/errors.ts; a job's progress(fraction, message)). */
const MESSAGE_ARGUMENT: Record<string, number> = { invalidField: 1, notFound: 0, conflict: 0, forbidden: 0, unauthenticated: 0, progress: 1 };
/** Errors whose argument at this index is a message (electron/core/errors.ts AppError, db/errors.ts StoreError). */
const MESSAGE_CONSTRUCTOR: Record<string, number> = { AppError: 1, StoreError: 1 };
/** zod checks whose string arguments are the message shown when the check fails. */
const ZOD_CHECKS = new Set(['min', 'max', 'length', 'regex', 'refine', 'int', 'positive', 'nonnegative', 'negative', 'nonpositive', 'gt', 'gte', 'lt', 'lte', 'nonempty', 'email', 'url', 'uuid', 'multipleOf']);
/** Properties whose value is a message: zod's { message } and { error }, addIssue's, envelopes' and reports' { message }. */
const MESSAGE_PROPERTIES = new Set(['message', 'error']);
/** Functions answering a message to be sent (password-policy.ts passwordProblem, dispatch.ts issueMessage). */
const MESSAGE_FUNCTION = /(Problem|Message)$/;

function sourceFiles(dir: string, recursive: boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return recursive ? sourceFiles(path, true) : [];
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The files the scan reads: electron/api/*.ts, electron/core/**, the transports (electron/main/**,
 * electron/host/**) and the storage layer (db/**): its StoreErrors reach the user through the services
 * (device.unlock and device.createLocal answer their message, backup.create too, the CLI prints it).
 * Not db/migrations: schema and seed data, frozen once released, with no message in them.
 */
export function serverSourceFiles(root: string): string[] {
  const migrations = join(root, 'db/migrations') + sep;
  return [
    ...sourceFiles(join(root, 'electron/api'), false),
    ...sourceFiles(join(root, 'electron/core'), true),
    ...sourceFiles(join(root, 'electron/main'), true),
    ...sourceFiles(join(root, 'electron/host'), true),
    ...sourceFiles(join(root, 'db'), true).filter((file) => !file.startsWith(migrations)),
  ].sort();
}

export function scanServerMessages(root: string, files = serverSourceFiles(root)): FoundMessage[] {
  const found: FoundMessage[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const constants = new Map<string, ts.Expression>();
    source.forEachChild(function collect(node) {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isVariableDeclarationList(node.parent) && node.parent.flags & ts.NodeFlags.Const) {
        constants.set(node.name.text, node.initializer);
      }
      node.forEachChild(collect);
    });

    const add = (expression: ts.Expression, seen = new Set<string>()): void => {
      const where = `${relative(root, file)}:${source.getLineAndCharacterOfPosition(expression.getStart(source)).line + 1}`;
      if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
        found.push({ where, strings: [expression.text], expressions: [] });
      } else if (ts.isTemplateExpression(expression)) {
        found.push({
          where,
          strings: [expression.head.text, ...expression.templateSpans.map((s) => s.literal.text)],
          expressions: expression.templateSpans.map((s) => s.expression.getText(source)),
        });
      } else if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isNonNullExpression(expression)) {
        add(expression.expression, seen);
      } else if (ts.isConditionalExpression(expression)) {
        add(expression.whenTrue, seen);
        add(expression.whenFalse, seen);
      } else if (ts.isBinaryExpression(expression) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(expression.operatorToken.kind)) {
        add(expression.left, seen);
        add(expression.right, seen);
      } else if (ts.isIdentifier(expression) && constants.has(expression.text) && !seen.has(expression.text)) {
        add(constants.get(expression.text)!, new Set([...seen, expression.text]));
      }
      // Anything else (a variable, a property, a call) carries a message found where it was written.
    };

    const visit = (node: ts.Node, inMessageFunction: boolean): void => {
      if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && MESSAGE_PROPERTIES.has(node.name.text)) {
        add(node.initializer);
      } else if (ts.isCallExpression(node)) {
        const callee = node.expression;
        if (ts.isIdentifier(callee) && callee.text in MESSAGE_ARGUMENT) {
          const arg = node.arguments[MESSAGE_ARGUMENT[callee.text]!];
          if (arg) add(arg);
        } else if (ts.isPropertyAccessExpression(callee) && ZOD_CHECKS.has(callee.name.text)) {
          node.arguments.forEach((arg) => add(arg));
        } else if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'push' && ts.isIdentifier(callee.expression) && callee.expression.text === 'problems') {
          node.arguments.forEach((arg) => add(arg));
        }
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text in MESSAGE_CONSTRUCTOR) {
        const arg = node.arguments?.[MESSAGE_CONSTRUCTOR[node.expression.text]!];
        if (arg) add(arg);
      } else if (ts.isParameter(node) && ts.isIdentifier(node.name) && node.name.text === 'message' && node.initializer) {
        add(node.initializer);
      } else if (ts.isReturnStatement(node) && inMessageFunction && node.expression) {
        add(node.expression);
      }
      const messageFunction = ts.isFunctionDeclaration(node) ? MESSAGE_FUNCTION.test(node.name?.text ?? '') : ts.isFunctionLike(node) ? false : inMessageFunction;
      node.forEachChild((child) => visit(child, messageFunction));
    };
    visit(source, false);
  }
  // Only human text: something with a word in it (not '', a code or a number).
  return found.filter((m) => /\p{L}{2,}/u.test(m.strings.join(' ')));
}
