module.exports = {
  "backingDownConfigFile": "../../../../",
  "backingDownLogDirectory": "../../../../../../../",
  "logFileName": "editor-issues",
  "levelLog": "DEBUG",
  "logType": "file"
}
