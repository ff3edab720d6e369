" Vim 9 + ALE 3.3 end-to-end test of the keepalived language server (run by e2e/run.sh):
"   E2E_SERVER=dist/server.js E2E_FILE=.../keepalived/keepalived.conf E2E_OUT=out.json \
"     vim -N -u e2e/vim/test.vim -i NONE -n -es </dev/null
" Checks: the diagnostic (with code unknown-keyword) reaches ALE's loclist; the quick fix
" from ALE's own code-action path (cursor on the word, as :ALECodeAction does) applies;
" the loclist empties; completion after `prio` in vrrp_instance offers `priority`.
set nocompatible
set runtimepath^=/usr/share/vim-ale
set runtimepath+=/usr/share/vim-ale/after
filetype plugin on
runtime! plugin/ale.vim
autocmd BufRead,BufNewFile keepalived.conf,*/keepalived/*.conf setfiletype keepalived

let s:server = $E2E_SERVER
let s:file = $E2E_FILE
let s:out = empty($E2E_OUT) ? s:file . '.vim.json' : $E2E_OUT
let s:results = {'checks': []}
let s:failed = 0

let g:ale_enabled = 1
let g:ale_lint_on_text_changed = 'always'
let g:ale_lint_delay = 0
let g:ale_echo_cursor = 0
let g:ale_set_signs = 0
let g:ale_set_highlights = 0
let g:ale_virtualtext_cursor = 'disabled'
let g:ale_linters = {'keepalived': ['keepalived_ls']}
call ale#linter#Define('keepalived', {
\   'name': 'keepalived_ls',
\   'lsp': 'stdio',
\   'executable': 'node',
\   'command': 'node ' . shellescape(s:server) . ' --stdio',
\   'project_root': fnamemodify(s:file, ':p:h'),
\})

function! s:Check(name, ok, detail) abort
  call add(s:results.checks, {'name': a:name, 'ok': a:ok ? v:true : v:false, 'detail': a:detail})
  if !a:ok | let s:failed += 1 | endif
endfunction

function! s:Finish() abort
  let s:results.failed = s:failed
  let s:results.passed = len(s:results.checks) - s:failed
  call writefile([json_encode(s:results)], s:out)
  if s:failed == 0 && len(s:results.checks) > 0 | qa! | else | cquit! | endif
endfunction

function! s:Wait(expr, ms) abort
  let l:waited = 0
  while !eval(a:expr) && l:waited < a:ms
    sleep 20m
    let l:waited += 20
  endwhile
  return eval(a:expr)
endfunction

function! s:Loclist() abort
  return get(get(g:ale_buffer_info, bufnr(''), {}), 'loclist', [])
endfunction

function! s:HasDiag() abort
  return !empty(filter(copy(s:Loclist()), {_, v -> get(v, 'code', '') is# 'unknown-keyword' && v.text =~# 'perssisstence_timeout'}))
endfunction

let s:actions = v:null
let s:action_data = v:null
function! s:OnActions(data, items) abort
  let s:action_data = a:data
  let s:actions = a:items
endfunction

let s:completion = v:null
function! s:OnCompletion(response) abort
  let s:completion = a:response
endfunction

function! s:Main() abort
  execute 'edit ' . fnameescape(s:file)
  call s:Check('filetype is keepalived', &filetype is# 'keepalived', &filetype)
  ALELint
  let l:ok = s:Wait('s:HasDiag()', 10000)
  call s:Check('diagnostic unknown-keyword in loclist', l:ok, map(copy(s:Loclist()), {_, v -> get(v, 'code', '') . ' ' . v.lnum . ':' . v.col . ' ' . v.text}))
  if !l:ok | return | endif

  " :ALECodeAction's path, cursor on the misspelt word
  call search('perssisstence_timeout')
  normal! ll
  call ale#codefix#Execute(0, function('s:OnActions'))
  call s:Wait('s:actions isnot v:null', 10000)
  let l:titles = map(copy(s:actions is v:null ? [] : s:actions), {_, v -> get(v[1], 'title', '?') . (get(v[1], 'isPreferred', v:false) ? ' [preferred]' : '')})
  let l:preferred = filter(copy(s:actions is v:null ? [] : s:actions), {_, v -> get(v[1], 'isPreferred', v:false)})
  call s:Check('code action offered with the cursor on the word (ALE sends context.diagnostics = [])', !empty(l:preferred), l:titles)
  if empty(l:preferred)
    " Second chance, cursor at column 1: ALE then sends the loclist entry back as
    " {code, message, range} only (no source, no data).
    normal! 0
    let s:actions = v:null
    call ale#codefix#Execute(0, function('s:OnActions'))
    call s:Wait('s:actions isnot v:null', 10000)
    let l:titles = map(copy(s:actions is v:null ? [] : s:actions), {_, v -> get(v[1], 'title', '?')})
    let l:preferred = filter(copy(s:actions is v:null ? [] : s:actions), {_, v -> get(v[1], 'isPreferred', v:false)})
    call s:Check('code action offered with the cursor at column 1 (diagnostic sent as {code, message, range})', !empty(l:preferred), l:titles)
    if empty(l:preferred) | return | endif
  endif
  call ale#codefix#ApplyLSPCodeAction(s:action_data, l:preferred[0][1])
  let l:line = getline(search('persistence_timeout', 'w'))
  call s:Check('quick fix applied', l:line =~# '^\s*persistence_timeout\s\+50\s*$', l:line)

  ALELint
  let l:ok = s:Wait('!s:HasDiag() && !ale#engine#IsCheckingBuffer(bufnr(""))', 10000)
  call s:Check('diagnostic cleared', l:ok && empty(s:Loclist()), map(copy(s:Loclist()), {_, v -> v.text}))

  " completion after `prio` inside the vrrp_instance
  let l:adv = search('^\s*advert_int', 'w')
  call append(l:adv, '    prio')
  call ale#lsp_linter#SendRequest(bufnr(''), 'keepalived_ls',
  \   [1, 'textDocument/didChange', {'textDocument': {'uri': ale#util#ToURI(expand('%:p')), 'version': 1000},
  \     'contentChanges': [{'text': join(getline(1, '$'), "\n") . "\n"}]}])
  call ale#lsp_linter#SendRequest(bufnr(''), 'keepalived_ls',
  \   ale#lsp#message#Completion(bufnr(''), l:adv + 1, 9, ''), function('s:OnCompletion'))
  call s:Wait('s:completion isnot v:null', 10000)
  let l:result = s:completion is v:null ? [] : get(s:completion, 'result', [])
  let l:items = type(l:result) == v:t_dict ? get(l:result, 'items', []) : (type(l:result) == v:t_list ? l:result : [])
  let l:labels = map(copy(l:items), {_, v -> v.label})
  call s:Check('completion offers priority', index(l:labels, 'priority') >= 0, l:labels[:15])
endfunction

try
  call s:Main()
catch
  call s:Check('no vim error', 0, v:exception . ' @ ' . v:throwpoint)
endtry
call s:Finish()
