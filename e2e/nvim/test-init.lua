-- Headless Neovim (0.7+) end-to-end test of the keepalived language server.
--
--   E2E_SERVER=dist/server.js E2E_FILE=/tmp/x/keepalived.conf E2E_OUT=/tmp/x/nvim.json \
--     nvim --headless -n -i NONE -u e2e/nvim/test-init.lua
--
-- The fixture holds `perssisstence_timeout` (misspelt) in a virtual_server block.
-- Steps: diagnostics appear (code unknown-keyword) -> hover -> document symbols ->
-- preferred quick fix applied through codeAction + apply_workspace_edit -> the
-- diagnostic clears -> completion after `prio` inside vrrp_instance offers `priority`.
-- Writes JSON results to E2E_OUT; exits 0 when every check passed, 1 otherwise.

local SERVER = assert(os.getenv('E2E_SERVER'), 'E2E_SERVER not set')
local FILE = assert(os.getenv('E2E_FILE'), 'E2E_FILE not set')
local OUT = os.getenv('E2E_OUT') or (FILE .. '.nvim.json')
local WAIT = tonumber(os.getenv('E2E_WAIT_MS') or '10000')

local results = { checks = {}, log = {} }
local failed = 0

local function check(name, ok, detail)
  table.insert(results.checks, { name = name, ok = ok and true or false, detail = detail })
  if not ok then failed = failed + 1 end
  io.stderr:write(string.format('  nvim %s %s%s\n', ok and 'ok  ' or 'FAIL', name,
    detail and ('  (' .. tostring(type(detail) == 'table' and vim.inspect(detail):gsub('%s+', ' ') or detail) .. ')') or ''))
end

local function finish()
  results.passed = #results.checks - failed
  results.failed = failed
  local f = io.open(OUT, 'w')
  if f then
    f:write(vim.json.encode(results))
    f:close()
  end
  for _, c in pairs(vim.lsp.get_active_clients()) do c.stop(true) end
  if failed == 0 and #results.checks > 0 then
    vim.cmd('qa!')
  else
    vim.cmd('cquit! 1')
  end
end

-- Any Lua error anywhere: record and fail instead of hanging.
local function guard(fn)
  local ok, err = xpcall(fn, debug.traceback)
  if not ok then
    check('no lua error', false, err)
    finish()
  end
end

vim.cmd([[autocmd BufRead,BufNewFile keepalived.conf,*/keepalived/*.conf setfiletype keepalived]])

local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'keepalived',
  callback = function(args)
    client_id = client_id or vim.lsp.start_client({
      name = 'keepalived',
      cmd = { 'node', SERVER, '--stdio' },
      root_dir = vim.fn.fnamemodify(FILE, ':p:h'),
      flags = { debounce_text_changes = 0 },
      on_exit = function(code, signal)
        table.insert(results.log, string.format('server exited code=%s signal=%s', tostring(code), tostring(signal)))
      end,
    })
    if client_id then vim.lsp.buf_attach_client(args.buf, client_id) end
  end,
})

local function errors_of(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out, d)
  end
  return out
end

local function find_diag(buf)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'unknown-keyword' and tostring(d.message):find('perssisstence_timeout', 1, true) then
      return d
    end
  end
end

local function request(buf, method, params)
  local resp, err = vim.lsp.buf_request_sync(buf, method, params, WAIT)
  if not resp then return nil, err or 'timeout' end
  for _, r in pairs(resp) do
    if r.error then return nil, r.error end
    return r.result
  end
  return nil, 'no response'
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(FILE))
  local buf = vim.api.nvim_get_current_buf()
  check('filetype is keepalived', vim.bo[buf].filetype == 'keepalived', vim.bo[buf].filetype)
  check('language server started', client_id ~= nil)
  if not client_id then return finish() end

  local t0 = vim.loop.hrtime()
  -- 1. diagnostic appears, with the rule id as code
  vim.wait(WAIT, function() return find_diag(buf) ~= nil end, 20)
  local diag = find_diag(buf)
  results.diagnostics_ms = math.floor((vim.loop.hrtime() - t0) / 1e6)
  local all = {}
  for _, d in ipairs(errors_of(buf)) do
    table.insert(all, { lnum = d.lnum, col = d.col, code = d.code, message = d.message, severity = d.severity })
  end
  results.diagnostics = all
  check('diagnostic unknown-keyword for perssisstence_timeout', diag ~= nil, diag and diag.message or all)
  if diag then
    check('diagnostic on line 21', diag.lnum == 20, diag.lnum + 1)
    check('message suggests persistence_timeout', tostring(diag.message):find('did you mean "persistence_timeout"', 1, true) ~= nil, diag.message)
  end

  -- 2. hover on a keyword (`priority`, line 10) returns markdown docs
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local prio_line
  for i, l in ipairs(lines) do
    if l:match('^%s*priority%s') then prio_line = i - 1; break end
  end
  local hover, herr = request(buf, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = prio_line or 9, character = 6 },
  })
  local htext = ''
  if hover and hover.contents then
    local c = hover.contents
    if type(c) == 'string' then htext = c
    elseif c.value then htext = c.value
    elseif vim.tbl_islist(c) then
      for _, p in ipairs(c) do htext = htext .. (type(p) == 'string' and p or (p.value or '')) .. '\n' end
    end
  end
  results.hover = htext
  check('hover on priority returns docs', #htext > 20 and htext:lower():find('priority', 1, true) ~= nil, herr or htext:sub(1, 120))

  -- 3. document symbols include the vrrp_instance and the virtual_server
  local syms, serr = request(buf, 'textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(buf) } })
  local names = {}
  local function walk(list)
    for _, s in ipairs(list or {}) do
      table.insert(names, s.name .. (s.detail and (' ' .. s.detail) or ''))
      walk(s.children)
    end
  end
  walk(syms)
  results.symbols = names
  local joined = table.concat(names, ' | ')
  check('document symbols list VI_E2E', joined:find('VI_E2E', 1, true) ~= nil, serr or joined)
  check('document symbols list the virtual_server', joined:find('192.0.2.10', 1, true) ~= nil, serr or joined)

  -- 4. the preferred quick fix, applied as a workspace edit
  local applied = false
  if diag then
    -- 0.7 keeps only part of the LSP diagnostic in user_data.lsp: rebuild it (ASCII fixture, so bytes = UTF-16 units).
    local lsp_diag = vim.tbl_extend('force', (diag.user_data and diag.user_data.lsp) or {}, {
      range = { start = { line = diag.lnum, character = diag.col }, ['end'] = { line = diag.end_lnum, character = diag.end_col } },
      message = diag.message, code = diag.code, severity = diag.severity, source = diag.source,
    })
    local actions, aerr = request(buf, 'textDocument/codeAction', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = lsp_diag.range,
      context = { diagnostics = { lsp_diag }, only = { 'quickfix' } },
    })
    local titles = {}
    local chosen
    for _, a in ipairs(actions or {}) do
      table.insert(titles, (a.title or '?') .. (a.isPreferred and ' [preferred]' or '') .. ' <' .. tostring(a.kind) .. '>')
      if a.isPreferred and a.edit and not chosen then chosen = a end
    end
    results.code_actions = titles
    check('a preferred quickfix is offered', chosen ~= nil, aerr or titles)
    if chosen then
      check('quickfix kind is quickfix', tostring(chosen.kind):match('^quickfix') ~= nil, chosen.kind)
      vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
      local fixed = vim.api.nvim_buf_get_lines(buf, diag.lnum, diag.lnum + 1, false)[1] or ''
      results.fixed_line = fixed
      applied = fixed:match('^%s*persistence_timeout%s+50%s*$') ~= nil
      check('quick fix rewrote the line to persistence_timeout 50', applied, fixed)
    end
  end

  -- 5. the diagnostic clears
  if applied then
    local t1 = vim.loop.hrtime()
    vim.wait(WAIT, function() return find_diag(buf) == nil end, 20)
    results.clear_ms = math.floor((vim.loop.hrtime() - t1) / 1e6)
    local left = {}
    for _, d in ipairs(errors_of(buf)) do table.insert(left, d.code .. ': ' .. d.message) end
    check('diagnostic cleared after the fix', find_diag(buf) == nil, left)
    check('no diagnostics left at all', #left == 0, left)
  end

  -- 6. completion of `prio` inside the vrrp_instance offers `priority`
  local adv
  lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, l in ipairs(lines) do
    if l:match('^%s*advert_int') then adv = i; break end
  end
  adv = adv or 11
  vim.api.nvim_buf_set_lines(buf, adv, adv, false, { '    prio' })
  vim.wait(200) -- let didChange go out (the request also flushes pending changes)
  local comp, cerr = request(buf, 'textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = adv, character = 8 },
    context = { triggerKind = 1 },
  })
  local items = comp and (comp.items or comp) or {}
  local labels = {}
  local has_priority = false
  for _, it in ipairs(items) do
    table.insert(labels, it.label)
    if it.label == 'priority' or it.insertText == 'priority' or (it.textEdit and it.textEdit.newText == 'priority') then
      has_priority = true
    end
  end
  results.completion_count = #labels
  results.completion_sample = vim.list_slice(labels, 1, 30)
  check('completion after "prio" in vrrp_instance offers priority', has_priority, cerr or vim.list_slice(labels, 1, 15))
  local leaked = false
  for _, l in ipairs(labels) do
    if l == 'lb_algo' or l == 'delay_loop' then leaked = true end
  end
  check('completion offers no virtual_server keywords inside vrrp_instance', not leaked, vim.list_slice(labels, 1, 15))

  finish()
end

-- Start after startup so that autocmds and the event loop are live.
vim.defer_fn(function() guard(main) end, 0)
