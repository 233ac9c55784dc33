package org.matac.console;

import org.matac.testing.LogFormatContract;

class LogFormatTest extends LogFormatContract {}
