/* tokens.html: any logged-in user's own API tokens. */
'use strict';

ConsoleApi.me().then(me => {
  document.getElementById('who').textContent = me.username;
  Tokens.show(document.getElementById('tokens'));
}).catch(e => ConsoleApi.showError(e.message));
