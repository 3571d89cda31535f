// Draws the README's editor screenshot: `npm run build && node scripts/editor-screenshot.mjs`.
// Neovim (Debian's 0.7, its built-in LSP client, as tests/lsp/neovim.test.ts drives it) runs in a detached tmux
// session on a copy of tests/fixtures/lsp-workspace with `layerlint lsp`; once the diagnostics are in and the hover
// on the violating import is open, the pane is captured with its colours, turned into HTML and photographed by
// Chromium into docs/pictures/editor-neovim.png.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../", import.meta.url));
const picture = join(root, "docs/pictures/editor-neovim.png");
const COLUMNS = 150;
const ROWS = 22;
const SESSION = `layerlint-screenshot-${process.pid}`;

const INIT_LUA = `
vim.opt.termguicolors = true
vim.cmd("colorscheme desert")
for _, group in ipairs({ "Normal", "NonText", "EndOfBuffer", "SignColumn", "LineNr" }) do
  vim.api.nvim_set_hl(0, group, { fg = group == "Normal" and "#dcdcdc" or "#6c7380" })
end
vim.api.nvim_set_hl(0, "NormalFloat", { fg = "#dcdcdc", bg = "#2b303b" })
vim.api.nvim_set_hl(0, "FloatBorder", { fg = "#8a94a6", bg = "#2b303b" })
vim.opt.number = true
vim.opt.signcolumn = "yes"
vim.opt.laststatus = 2
vim.opt.shortmess:append("I")
vim.diagnostic.config({
  severity_sort = true,
  virtual_text = { prefix = "■", format = function(d) return d.message:match("^[^\\n]*") end },
})
vim.lsp.handlers["textDocument/hover"] = vim.lsp.with(vim.lsp.handlers.hover, { border = "rounded", max_width = 108, max_height = 15 })
local function poll(ready, next)
  local timer = vim.loop.new_timer()
  timer:start(100, 100, vim.schedule_wrap(function()
    if ready() then timer:stop(); next() end
  end))
end
local function float_open()
  for _, window in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(window).relative ~= "" then return true end
  end
  return false
end
vim.api.nvim_create_autocmd("VimEnter", { callback = function()
  local client = vim.lsp.start_client({
    name = "layerlint",
    cmd = { vim.env.LAYERLINT_NODE, vim.env.LAYERLINT_BIN, "lsp", "--stdio" },
    root_dir = vim.env.LAYERLINT_FIXTURE,
    workspace_folders = { { uri = vim.uri_from_fname(vim.env.LAYERLINT_FIXTURE), name = "shop" } },
  })
  vim.lsp.buf_attach_client(0, client)
  poll(function() return #vim.diagnostic.get(0) >= 3 end, function()
    -- On the specifier of line 2, the import of the http layer.
    vim.api.nvim_win_set_cursor(0, { 2, 30 })
    vim.lsp.buf.hover()
    poll(float_open, function()
      vim.cmd("redraw!")
      vim.defer_fn(function() io.open(vim.env.LAYERLINT_READY, "w"):close() end, 300)
    end)
  end)
end })
`;

const dir = realpathSync(mkdtempSync(join(tmpdir(), "layerlint-screenshot-")));
const project = join(dir, "shop");
cpSync(join(root, "tests/fixtures/lsp-workspace"), project, { recursive: true });
const ready = join(dir, "ready");
writeFileSync(join(dir, "init.lua"), INIT_LUA);
const tmux = (...args) => execFileSync("tmux", ["-L", SESSION, ...args], { encoding: "utf8" });
let screen;
try {
  tmux(
    "new-session",
    "-d",
    "-s",
    SESSION,
    "-x",
    String(COLUMNS),
    "-y",
    String(ROWS),
    "-e",
    `LAYERLINT_FIXTURE=${project}`,
    "-e",
    `LAYERLINT_NODE=${process.execPath}`,
    "-e",
    `LAYERLINT_BIN=${join(root, "dist/cli/bin.js")}`,
    "-e",
    `LAYERLINT_READY=${ready}`,
    "-e",
    `XDG_STATE_HOME=${dir}`,
    "-e",
    "TERM=tmux-256color",
    "-c",
    project,
    `nvim --clean -u ${join(dir, "init.lua")} src/domain/order.ts`,
  );
  tmux("set-option", "-t", SESSION, "status", "off");
  const deadline = Date.now() + 90_000;
  while (!existsSync(ready)) {
    if (Date.now() > deadline)
      throw new Error(`Neovim showed no diagnostics and hover:\n${tmux("capture-pane", "-p")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  screen = tmux("capture-pane", "-e", "-p", "-t", SESSION);
} finally {
  try {
    tmux("kill-server");
  } catch {
    // the server is gone already
  }
  rmSync(dir, { recursive: true, force: true });
}

mkdirSync(join(root, "docs/pictures"), { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 700 }, deviceScaleFactor: 1 });
  await page.setContent(terminalPage(screen));
  await page.locator("pre").screenshot({ path: picture });
} finally {
  await browser.close();
}
console.log(`wrote ${picture}`);

/** The captured pane as a page: each run of cells with its SGR colours and weight as a span. */
function terminalPage(ansi) {
  const DEFAULT_FG = "#d0d0d0";
  const DEFAULT_BG = "#1c1c1c";
  let state = { fg: null, bg: null, bold: false, italic: false, underline: false, reverse: false };
  let html = "";
  for (const [index, part] of ansi
    .replace(/\n+$/, "")
    .split(new RegExp(`${String.fromCharCode(27)}\\[([0-9;:]*)m`))
    .entries()) {
    if (index % 2 === 1) {
      state = applySgr(state, part);
      continue;
    }
    if (part === "") continue;
    const fg = state.reverse ? (state.bg ?? DEFAULT_BG) : (state.fg ?? DEFAULT_FG);
    const bg = state.reverse ? (state.fg ?? DEFAULT_FG) : state.bg;
    const style = [
      `color:${fg}`,
      bg === null ? "" : `background:${bg}`,
      state.bold ? "font-weight:bold" : "",
      state.italic ? "font-style:italic" : "",
      state.underline ? "text-decoration:underline" : "",
    ].filter(Boolean);
    // Inline blocks a line high: backgrounds meet from one row to the next.
    style.push("display:inline-block", "height:19px", "vertical-align:top");
    html += part
      .split("\n")
      .map((line) => (line === "" ? "" : `<span style="${style.join(";")}">${escapeHtml(line)}</span>`))
      .join("\n");
  }
  return `<!doctype html><html><body style="margin:0;background:#fff">
<pre style="display:inline-block;margin:0;padding:12px 14px;background:${DEFAULT_BG};color:${DEFAULT_FG};
font:15px/19px 'DejaVu Sans Mono',monospace;border-radius:6px">${html}</pre></body></html>`;
}

function applySgr(state, parameters) {
  const codes = parameters === "" ? [0] : parameters.split(/[;:]/).map(Number);
  const next = { ...state };
  for (let index = 0; index < codes.length; index += 1) {
    const code = codes[index];
    if (code === 0)
      Object.assign(next, { fg: null, bg: null, bold: false, italic: false, underline: false, reverse: false });
    else if (code === 1) next.bold = true;
    else if (code === 3) next.italic = true;
    else if (code === 4) next.underline = true;
    else if (code === 7) next.reverse = true;
    else if (code === 22) next.bold = false;
    else if (code === 23) next.italic = false;
    else if (code === 24) next.underline = false;
    else if (code === 27) next.reverse = false;
    else if (code >= 30 && code <= 37) next.fg = xterm(code - 30);
    else if (code >= 90 && code <= 97) next.fg = xterm(code - 90 + 8);
    else if (code >= 40 && code <= 47) next.bg = xterm(code - 40);
    else if (code >= 100 && code <= 107) next.bg = xterm(code - 100 + 8);
    else if (code === 39) next.fg = null;
    else if (code === 49) next.bg = null;
    else if (code === 38 || code === 48) {
      const key = code === 38 ? "fg" : "bg";
      if (codes[index + 1] === 5) {
        next[key] = xterm(codes[index + 2]);
        index += 2;
      } else if (codes[index + 1] === 2) {
        next[key] = `rgb(${codes[index + 2]},${codes[index + 3]},${codes[index + 4]})`;
        index += 4;
      }
    }
  }
  return next;
}

/** The xterm 256-colour palette. */
function xterm(n) {
  const BASE = ["#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5"];
  const BRIGHT = ["#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"];
  if (n < 8) return BASE[n];
  if (n < 16) return BRIGHT[n - 8];
  if (n < 232) {
    const level = (value) => (value === 0 ? 0 : 55 + value * 40);
    const cube = n - 16;
    return `rgb(${level(Math.floor(cube / 36))},${level(Math.floor(cube / 6) % 6)},${level(cube % 6)})`;
  }
  const grey = 8 + (n - 232) * 10;
  return `rgb(${grey},${grey},${grey})`;
}

function escapeHtml(text) {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
