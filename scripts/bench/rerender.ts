// Re-renders a result's Markdown from its JSON, refreshing the renderer bundle sizes from dist/renderer.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderMarkdown, type BenchResults } from './report';
import { bundleSizes } from './renderer';

const file = process.argv[2]!;
const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
results.renderer = { ...results.renderer, ...bundleSizes('dist/renderer') };
writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
writeFileSync(file.replace(/\.json$/, '.md'), renderMarkdown(results));
