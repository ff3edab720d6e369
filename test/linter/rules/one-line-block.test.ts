import { ruleTester } from '../rule-tester';

ruleTester('one-line-block', {
  valid: [
    'vrrp_instance VI_1 {\n  state MASTER\n  interface eth0\n}\n',
    // One keyword inside one-line braces is fine.
    'vrrp_instance VI_1 {\n  authentication { auth_type PASS }\n}\n',
    // Value blocks take one value per line: one value on one line works.
    'vrrp_instance VI_1 {\n  track_interface { eth0 }\n}\n',
  ],
  invalid: [
    {
      name: 'the whole instance on one line',
      code: '<|vrrp_instance VI_1 { state MASTER interface eth0 virtual_router_id 51 }|>\n',
      message:
        'keepalived reads one keyword per line: inside "vrrp_instance {…}" only "state" is read here, and "interface", "virtual_router_id" are taken as its arguments and ignored. Put each keyword on its own line.',
    },
    {
      name: 'a nested one-line block',
      code: 'vrrp_instance VI_1 {\n  <|authentication { auth_type PASS auth_pass secret }|>\n}\n',
      message: /only "auth_type" is read here, and "auth_pass"/,
    },
    {
      name: 'a block left open on its line',
      code: '<|global_defs { router_id lb01 enable_script_security|>\n}\n',
    },
  ],
});
