// Every single-file rule, sorted by id. Peer rules are in peer-registry.ts.
import type { Rule } from './types';
import bfdConflict from './rules/bfd-conflict';
import checkerConflict from './rules/checker-conflict';
import definitionSplit from './rules/definition-split';
import deprecatedKeyword from './rules/deprecated-keyword';
import duplicateName from './rules/duplicate-name';
import duplicateSetting from './rules/duplicate-setting';
import extraArgument from './rules/extra-argument';
import extraCloseBrace from './rules/extra-close-brace';
import garpGroupInterface from './rules/garp-group-interface';
import httpGetUrl from './rules/http-get-url';
import ignoredAddressSuffix from './rules/ignored-address-suffix';
import includeCycle from './rules/include-cycle';
import includeError from './rules/include-error';
import includeNotFound from './rules/include-not-found';
import invalidAddress from './rules/invalid-address';
import invalidChoice from './rules/invalid-choice';
import invalidInput from './rules/invalid-input';
import invalidNumber from './rules/invalid-number';
import invalidReplication from './rules/invalid-replication';
import irregularWhitespace from './rules/irregular-whitespace';
import lineTooLong from './rules/line-too-long';
import literalQuote from './rules/literal-quote';
import lvsAddressNotVip from './rules/lvs-address-not-vip';
import lvsVirtualServer from './rules/lvs-virtual-server';
import lvsVirtualServerGroup from './rules/lvs-virtual-server-group';
import malformedEntry from './rules/malformed-entry';
import missingArgument from './rules/missing-argument';
import missingOpenBrace from './rules/missing-open-brace';
import oneLineBlock from './rules/one-line-block';
import quotedBrace from './rules/quoted-brace';
import removedKeyword from './rules/removed-keyword';
import requiredSettingMissing from './rules/required-setting-missing';
import scriptDuplicate from './rules/script-duplicate';
import scriptSecurity from './rules/script-security';
import scriptShellSyntax from './rules/script-shell-syntax';
import smtpAlertNoMail from './rules/smtp-alert-no-mail';
import straySemicolon from './rules/stray-semicolon';
import syncGroupMember from './rules/sync-group-member';
import trackProcessQuorum from './rules/track-process-quorum';
import trackDuplicate from './rules/track-duplicate';
import trackUndefined from './rules/track-undefined';
import trackUnused from './rules/track-unused';
import unclosedBlock from './rules/unclosed-block';
import undefinedVariable from './rules/undefined-variable';
import unexpectedOpenBrace from './rules/unexpected-open-brace';
import unknownKeyword from './rules/unknown-keyword';
import unterminatedQuote from './rules/unterminated-quote';
import virtualServerGroupUndefined from './rules/virtual-server-group-undefined';
import vrrpAdvertInt from './rules/vrrp-advert-int';
import vrrpAuthentication from './rules/vrrp-authentication';
import vrrpFamilyConflict from './rules/vrrp-family-conflict';
import vrrpInterface from './rules/vrrp-interface';
import vrrpOwnerAdverts from './rules/vrrp-owner-adverts';
import vrrpOwnerTracking from './rules/vrrp-owner-tracking';
import vrrpPreemptConflict from './rules/vrrp-preempt-conflict';
import vrrpStrictMode from './rules/vrrp-strict-mode';
import vrrpUnicastPeer from './rules/vrrp-unicast-peer';
import vrrpVersionConflict from './rules/vrrp-version-conflict';
import vrrpVipCount from './rules/vrrp-vip-count';
import vrrpVipDuplicate from './rules/vrrp-vip-duplicate';
import vrrpVipFamily from './rules/vrrp-vip-family';
import vrrpVipMissing from './rules/vrrp-vip-missing';
import vrrpVipNodeAddress from './rules/vrrp-vip-node-address';
import vrrpVridConflict from './rules/vrrp-vrid-conflict';
import vrrpVridMissing from './rules/vrrp-vrid-missing';

/** All single-file rules. */
export const rules: Rule[] = [
  bfdConflict,
  checkerConflict,
  definitionSplit,
  deprecatedKeyword,
  duplicateName,
  duplicateSetting,
  extraArgument,
  extraCloseBrace,
  garpGroupInterface,
  httpGetUrl,
  ignoredAddressSuffix,
  includeCycle,
  includeError,
  includeNotFound,
  invalidAddress,
  invalidChoice,
  invalidInput,
  invalidNumber,
  invalidReplication,
  irregularWhitespace,
  lineTooLong,
  literalQuote,
  lvsAddressNotVip,
  lvsVirtualServer,
  lvsVirtualServerGroup,
  malformedEntry,
  missingArgument,
  missingOpenBrace,
  oneLineBlock,
  quotedBrace,
  removedKeyword,
  requiredSettingMissing,
  scriptDuplicate,
  scriptSecurity,
  scriptShellSyntax,
  smtpAlertNoMail,
  straySemicolon,
  syncGroupMember,
  trackDuplicate,
  trackProcessQuorum,
  trackUndefined,
  trackUnused,
  unclosedBlock,
  undefinedVariable,
  unexpectedOpenBrace,
  unknownKeyword,
  unterminatedQuote,
  virtualServerGroupUndefined,
  vrrpAdvertInt,
  vrrpAuthentication,
  vrrpFamilyConflict,
  vrrpInterface,
  vrrpOwnerAdverts,
  vrrpOwnerTracking,
  vrrpPreemptConflict,
  vrrpStrictMode,
  vrrpUnicastPeer,
  vrrpVersionConflict,
  vrrpVipCount,
  vrrpVipDuplicate,
  vrrpVipFamily,
  vrrpVipMissing,
  vrrpVipNodeAddress,
  vrrpVridConflict,
  vrrpVridMissing,
];
