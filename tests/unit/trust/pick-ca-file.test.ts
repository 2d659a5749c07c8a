// trust-ca's file picker contract: the renderer asks main to pick (a boolean), never names a path;
// a cancelled dialog writes nothing and says what to do.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { PayloadError, VALIDATORS } from '../../../shared/ipc.ts';
import { createDoctorService } from '../../../electron/core/service.ts';
import { makeTempDir } from '../../lab/temp-dirs.ts';

describe('trust-ca: pick a CA file in main', () => {
  test('the payload carries a boolean, only with trust-ca, and no path', () => {
    assert.deepEqual(VALIDATORS['fix:preview']({ fix: 'trust-ca', pickCaFile: true }), {
      fix: 'trust-ca',
      profile: undefined,
      pickCaFile: true,
    });
    assert.deepEqual(VALIDATORS['fix:preview']({ fix: 'trust-ca' }), { fix: 'trust-ca', profile: undefined });
    assert.throws(() => VALIDATORS['fix:preview']({ fix: 'use-proxy', pickCaFile: true }), PayloadError);
    assert.throws(() => VALIDATORS['fix:preview']({ fix: 'trust-ca', pickCaFile: '/etc/ca.pem' }), PayloadError);
    assert.throws(() => VALIDATORS['fix:preview']({ fix: 'trust-ca', caFile: '/etc/ca.pem' }), PayloadError);
  });

  test('a cancelled dialog: nothing written, a message that says what to do', async () => {
    const home = makeTempDir('pick-home');
    fs.writeFileSync(path.join(home, 'config.toml'), 'model = "x"\n');
    let asked = 0;
    const service = createDoctorService({
      codexHome: home,
      env: { PATH: process.env.PATH ?? '' },
      journalDir: path.join(makeTempDir('pick-journal'), 'journal'),
      pickCaFile: async () => {
        asked += 1;
        return null;
      },
    });
    await assert.rejects(
      service.previewFix({ fix: 'trust-ca', pickCaFile: true }),
      /No CA file was chosen; nothing was written/,
    );
    assert.equal(asked, 1);
    assert.deepEqual(fs.readdirSync(home), ['config.toml']);
  });
});
