"""Read aloud through Qt's QtTextToSpeech, when it is installed: guide/ui/speech/read_aloud.py."""
