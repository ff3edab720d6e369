;;; test.el --- Emacs 28 + eglot 1.9 end-to-end test of the keepalived language server  -*- lexical-binding: t -*-
;;
;;   E2E_SERVER=dist/server.js E2E_FILE=.../keepalived/keepalived.conf E2E_OUT=out.json \
;;     emacs --batch -l e2e/emacs/test.el
;;
;; No -Q: Debian's site files put eglot on the load path.  eglot-ensure never starts in
;; --batch, so `eglot' is called directly; idle timers do not fire, so didChange is sent by
;; hand after an edit.  Checks: diagnostic with [unknown-keyword] in flymake, the preferred
;; quickfix through `eglot-code-actions', the diagnostic clears, completion-at-point after
;; `prio' inside vrrp_instance offers `priority'.
(require 'cl-lib)
(require 'json)
(require 'eglot)
(require 'flymake)

(defvar e2e-server (getenv "E2E_SERVER"))
(defvar e2e-file (getenv "E2E_FILE"))
(defvar e2e-out (or (getenv "E2E_OUT") (concat e2e-file ".emacs.json")))
(defvar e2e-checks nil)
(defvar e2e-failed 0)

(defun e2e-check (name ok &optional detail)
  (push `((name . ,name) (ok . ,(if ok t :json-false)) (detail . ,(format "%s" (or detail "")))) e2e-checks)
  (unless ok (cl-incf e2e-failed))
  (message "  emacs %s %s  %s" (if ok "ok  " "FAIL") name (or detail "")))

(defun e2e-finish ()
  (with-temp-file e2e-out
    (insert (json-encode `((checks . ,(vconcat (reverse e2e-checks)))
                           (passed . ,(- (length e2e-checks) e2e-failed))
                           (failed . ,e2e-failed)))))
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (kill-emacs (if (and (= e2e-failed 0) e2e-checks) 0 1)))

(defun e2e-wait (pred &optional secs)
  (let ((deadline (+ (float-time) (or secs 10))))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (funcall pred)))

(define-derived-mode keepalived-mode prog-mode "keepalived"
  "Minimal major mode for the e2e test."
  (setq-local comment-start "# "))
(add-to-list 'auto-mode-alist '("keepalived\\.conf\\'" . keepalived-mode))
(add-to-list 'eglot-server-programs `(keepalived-mode . ("node" ,e2e-server "--stdio")))
;; The fixture's folder is the project (no VC root needed).
(add-hook 'project-find-functions
          (lambda (dir) (when (string-prefix-p (file-name-directory e2e-file) (file-name-as-directory (expand-file-name dir)))
                          (cons 'transient (file-name-directory e2e-file)))))
(setq eglot-sync-connect 10 eglot-autoshutdown t eglot-events-buffer-size 0)

(defun e2e-diag-p (d)
  (let ((text (flymake-diagnostic-text d)))
    (and (string-match-p "\\[unknown-keyword\\]" text)
         (string-match-p "perssisstence_timeout" text))))

(defun e2e-lsp-diags () (and (boundp 'eglot--diagnostics) eglot--diagnostics))

(defun e2e-main ()
  (find-file e2e-file)
  (e2e-check "major mode keepalived-mode" (eq major-mode 'keepalived-mode) major-mode)
  (apply #'eglot (eglot--guess-contact))
  (e2e-check "eglot connected" (eglot-current-server))
  ;; diagnostics: eglot keeps them in `eglot--diagnostics'; flymake-start hands them to flymake.
  (let ((ok (e2e-wait (lambda () (cl-some #'e2e-diag-p (e2e-lsp-diags))))))
    (flymake-start)
    (e2e-wait (lambda () (cl-some #'e2e-diag-p (flymake-diagnostics))) 3)
    (e2e-check "flymake diagnostic [unknown-keyword]"
               (and ok (cl-some #'e2e-diag-p (flymake-diagnostics)))
               (mapconcat #'flymake-diagnostic-text (flymake-diagnostics) " | ")))
  ;; quick fix: eglot's own code-action command on the misspelt word, default (preferred) pick
  (goto-char (point-min))
  (search-forward "perssisstence_timeout")
  (let ((beg (match-beginning 0)) (end (match-end 0)) (offered nil))
    (cl-letf (((symbol-function 'completing-read)
               (lambda (_prompt collection &rest args)
                 (setq offered (mapcar #'car collection))
                 (nth 4 args)))) ; DEF: eglot passes the preferred action as default
      (condition-case err
          ;; a keyboard-invoked command: eglot then asks through completing-read, not a popup menu
          (let ((last-nonmenu-event ?\r))
            (eglot-code-actions beg end "quickfix" t))
        (error (e2e-check "eglot-code-actions ran" nil (error-message-string err)))))
    (let ((line (progn (goto-char beg) (buffer-substring (line-beginning-position) (line-end-position)))))
      (e2e-check "quick fix applied" (string-match-p "^[ \t]*persistence_timeout[ \t]+50[ \t]*$" line)
                 (format "%S (menu %S)" line offered))))
  ;; the diagnostic clears (send didChange ourselves: no idle timers in batch)
  (eglot--signal-textDocument/didChange)
  (e2e-check "diagnostic cleared"
             (e2e-wait (lambda () (null (e2e-lsp-diags))))
             (mapconcat (lambda (d) (flymake-diagnostic-text d)) (e2e-lsp-diags) " | "))
  ;; completion-at-point after `prio' inside vrrp_instance
  (goto-char (point-min))
  (re-search-forward "^[ \t]*advert_int.*$")
  (insert "\n    prio")
  (eglot--signal-textDocument/didChange)
  (let* ((capf (eglot-completion-at-point))
         (cands (and capf (all-completions "prio" (nth 2 capf)))))
    (e2e-check "completion-at-point offers priority" (member "priority" cands) cands)))

(condition-case err
    (e2e-main)
  (error (e2e-check "no lisp error" nil (error-message-string err))))
(e2e-finish)
