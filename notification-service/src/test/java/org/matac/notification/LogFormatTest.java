package org.matac.notification;

import org.matac.testing.LogFormatContract;

class LogFormatTest extends LogFormatContract {}
