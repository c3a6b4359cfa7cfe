module.exports = {
  "backingDownConfigFile": "../../../../",
  "backingDownLogDirectory": "../../../../../../../",
  "logFileName": "bz-util-examples",
  "levelLog": "info",
  "logType": "file"
}
