module.exports = {
  "GIT.NOT_FOUND": "Issue not found: %s"
};
