package org.cotkit.pipelines.output;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** How a lock object on an object store is told stale: its holder's process on this host is gone. */
class OutputLockTest {

  private static ObjectNode holder(String host, long pid) {
    return new ObjectMapper().createObjectNode().put("host", host).put("pid", pid);
  }

  @Test
  void aLockOfALiveProcessOfThisHostIsHeld() {
    assertFalse(OutputLock.isStale(holder(OutputLock.hostName(), ProcessHandle.current().pid())));
  }

  @Test
  void aLockOfAProcessOfThisHostThatIsGoneIsStale() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    assertTrue(OutputLock.isStale(holder(OutputLock.hostName(), gone.pid())));
  }

  @Test
  void aLockOfAnotherHostIsNeverTakenOver() {
    assertFalse(OutputLock.isStale(holder("another-host.example", 1)));
  }
}
