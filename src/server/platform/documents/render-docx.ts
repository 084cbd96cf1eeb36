// Test helper: renders a .docx through LibreOffice so tests can check what a reader would see.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';

/** fontconfig file that maps 仿宋/黑体/楷体/小标宋 to installed free fonts. */
export const fontsConfPath = fileURLToPath(new URL('./fonts.conf', import.meta.url));

export type RenderedPdf = { pdfPath: string; text: string; pages: number };

type RunOptions = { env?: NodeJS.ProcessEnv; timeoutMs: number };

// Runs in its own process group so a timeout also kills soffice.bin, which the libreoffice wrapper script forks.
function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`${command} timed out after ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(stdout).toString('utf8'));
      else reject(new Error(`${command} exited with ${code}: ${Buffer.concat(stderr).toString('utf8')}`));
    });
  });
}

/**
 * Converts a .docx to PDF with headless LibreOffice, using a private profile (parallel runs do not clash)
 * and fonts.conf; returns the PDF path (left in a temp dir for inspection), its `pdftotext -layout` text
 * and page count.
 */
export async function renderDocxToPdf(
  docx: Buffer,
  options: { timeoutMs?: number } = {},
): Promise<RenderedPdf> {
  const dir = await mkdtemp(join(tmpdir(), 'fazhi-docx-'));
  const profileDir = join(dir, 'profile');
  const inputPath = join(dir, 'document.docx');
  await writeFile(inputPath, docx);
  try {
    await runCommand(
      'libreoffice',
      [
        `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        inputPath,
      ],
      { env: { ...process.env, FONTCONFIG_FILE: fontsConfPath }, timeoutMs: options.timeoutMs ?? 60_000 },
    );
  } finally {
    await rm(profileDir, { recursive: true, force: true });
  }
  const pdfPath = join(dir, 'document.pdf');
  if (!(await readdir(dir)).includes('document.pdf')) throw new Error(`LibreOffice wrote no PDF in ${dir}`);
  const text = await runCommand('pdftotext', ['-layout', pdfPath, '-'], { timeoutMs: 30_000 });
  const info = await runCommand('pdfinfo', [pdfPath], { timeoutMs: 30_000 });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  if (!Number.isInteger(pages)) throw new Error(`pdfinfo gave no page count for ${pdfPath}`);
  return { pdfPath, text, pages };
}

/** Returns one XML part of a .docx, word/document.xml unless another is named (e.g. word/footer1.xml). */
export async function readDocxXml(docx: Buffer, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file(part);
  if (!file) throw new Error(`${part} is not in the .docx (has: ${Object.keys(zip.files).join(', ')})`);
  return file.async('string');
}
