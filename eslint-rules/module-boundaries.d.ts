import type { ESLint } from 'eslint';

declare const plugin: ESLint.Plugin;
export default plugin;
export declare function tableOwners(modulesDir: string): Map<string, string>;
