'use strict';
// Shared setup for the bz-util tests: a temporary Bizagi-style layout
// <tmp>/Project/Tools/connectors/node/<folder>/<version> and a configured context that
// collects log lines. (node --test also runs this file; it contains no tests.)
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const context = require('../../bz-util/context');

const created = [];
process.on('exit', () => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

function write(root, files) {
  for (const [relative, content] of Object.entries(files || {})) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

// files: paths relative to the connector root; shared: relative to the node/ folder
// (config.properties, autotesting/*.json).
function setUp({ files, shared, configure } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bzutil-'));
  created.push(tmp);
  const project = path.join(tmp, 'Project');
  const nodeDir = path.join(project, 'Tools', 'connectors', 'node');
  const root = path.join(nodeDir, 'myconnector', '1.0');
  fs.mkdirSync(root, { recursive: true });
  write(root, files);
  write(nodeDir, shared);
  const lines = [];
  context.configure({ connectorRoot: root, log: (level, text) => lines.push([level, text]), ...configure });
  return { tmp, project, nodeDir, root, lines };
}

const AUTOTESTING_ON = {
  'autotesting/inputData.json': '{"in":1}',
  'autotesting/outputData.json': '{"out":2}',
  'autotesting/errorData.json': '{"err":3}',
};

module.exports = { setUp, write, AUTOTESTING_ON };
